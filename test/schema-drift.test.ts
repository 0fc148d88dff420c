import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { onPostgres } from "@/test/support/engine";

// PostgreSQL's migrations are compared when this run has a PostgreSQL server (CI runs both engines).
const check = (cwd: string) =>
  spawnSync("node", ["scripts/db-check.mjs", ...(onPostgres ? [] : ["--engine", "sqlite"])], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "" },
  });

test("both engines' migrations and the generated PostgreSQL schema match prisma/schema.prisma", () => {
  const result = check(process.cwd());
  assert.equal(result.status, 0, result.stdout + result.stderr);
});

test("a model change without its migrations is caught", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "byline-drift-"));
  for (const entry of ["prisma", "scripts", "prisma.config.ts", "prisma.pg.config.ts", "package.json"])
    cpSync(entry, path.join(dir, entry), { recursive: true });
  symlinkSync(path.resolve("node_modules"), path.join(dir, "node_modules"));
  const schema = path.join(dir, "prisma/schema.prisma");
  writeFileSync(
    schema,
    readFileSync(schema, "utf8").replace('  bio       String   @default("")', '  bio       String   @default("")\n  twitter   String?'),
  );
  const result = check(dir);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /prisma\/postgres\/schema.prisma is out of date/);
  assert.match(result.stderr, /sqlite: migrations do not match the schema/);
});
