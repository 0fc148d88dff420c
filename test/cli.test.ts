import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDb, type ScratchDb } from "@/test/support/scratch-db";
import { makeDocument, SEED_FILE } from "./support/seed";

let t: ScratchDb;
before(async () => (t = await createTestDb()));
after(async () => t.drop());

const run = (script: string, ...args: string[]) =>
  spawnSync("node", ["--conditions=react-server", "--import", "tsx", script, ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: t.url },
  });

test("npm run import: a summary line, one error line per bad file, exit 1 when any failed", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "byline-cli-"));
  writeFileSync(path.join(dir, "good.txt"), makeDocument({ headline: "From the command line" }));
  writeFileSync(path.join(dir, "bad.txt"), "First Published: 2013-13-01\n\n\nHeadline");
  const first = run("scripts/import.ts", dir, SEED_FILE);
  assert.equal(first.status, 1);
  assert.match(first.stdout, /error: .*bad\.txt: "2013-13-01" is not a valid First Published date/);
  assert.match(first.stdout, /imported 2, unchanged 0, failed 1 \(3 files/);
  const again = run("scripts/import.ts", path.join(dir, "good.txt"), SEED_FILE);
  assert.equal(again.status, 0);
  assert.match(again.stdout, /imported 0, unchanged 2, failed 0/);
  const dry = run("scripts/import.ts", "--dry-run", dir);
  assert.match(dry.stdout, /would import 0, unchanged 1, failed 1/);
});

test("npm run user:create: creates, refuses duplicates and bad input with non-zero exits", async () => {
  const ok = run(
    "scripts/user-create.ts",
    "--email",
    "Chief@Example.test",
    "--password",
    "a long enough passphrase",
    "--role",
    "admin",
    "--name",
    "Chief",
  );
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /created ADMIN chief@example.test/);
  const user = await t.db.user.findUniqueOrThrow({
    where: { email: "chief@example.test" },
    select: { role: true, name: true, passwordHash: true },
  });
  assert.deepEqual([user.role, user.name], ["ADMIN", "Chief"]);
  assert.match(user.passwordHash, /^\$argon2id\$/);

  const duplicate = run(
    "scripts/user-create.ts",
    "--email",
    "chief@example.test",
    "--password",
    "a long enough passphrase",
    "--role",
    "EDITOR",
  );
  assert.equal(duplicate.status, 1);
  assert.match(duplicate.stderr, /A user with that email already exists/);
  const bad = run("scripts/user-create.ts", "--email", "not-an-email", "--role", "BOSS");
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--email: Enter a valid email address/);
  assert.match(bad.stderr, /--password: Enter a password/);
  assert.match(bad.stderr, /--role: Choose a role/);
  const unknown = run("scripts/user-create.ts", "--emial", "x");
  assert.equal(unknown.status, 2);
});

test("npm run export writes a file only its owner can read; import:json refuses a bad file with the reason", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "byline-export-"));
  const file = path.join(dir, "export.json");
  writeFileSync(file, "stale", { mode: 0o644 });
  const exported = run("scripts/export.ts", file);
  assert.equal(exported.status, 0, exported.stderr);
  assert.equal(statSync(file).mode & 0o777, 0o600);

  const content = JSON.parse(readFileSync(file, "utf8"));
  content.format = "byline-export";
  content.users.push({
    id: "u1",
    email: "<script>@x",
    name: "",
    role: "ADMIN",
    disabled: false,
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
  });
  const bad = path.join(dir, "bad.json");
  writeFileSync(bad, JSON.stringify(content));
  const refused = run("scripts/import-json.ts", bad);
  assert.equal(refused.status, 1);
  assert.match(
    refused.stderr,
    /error: .*bad\.json: nothing imported: users\[\d+\] \(email "<script>@x"\)\.email: Enter a valid email address\./,
  );
  writeFileSync(bad, "{ not json");
  assert.match(run("scripts/import-json.ts", bad).stderr, /is not a JSON file/);
});

test("the Prisma CLI refuses a database command aimed at the other engine, and names the one to run", () => {
  const { DATABASE_URL: _ignored, ...withoutDatabaseUrl } = process.env;
  const prisma = (config: string | null, url: string | undefined) =>
    spawnSync("node_modules/.bin/prisma", ["migrate", "deploy", ...(config ? ["--config", config] : [])], {
      encoding: "utf8",
      env: { ...withoutDatabaseUrl, ...(url ? { DATABASE_URL: url } : {}), CHECKPOINT_DISABLE: "1" },
    });
  const dir = mkdtempSync(path.join(os.tmpdir(), "byline-prisma-"));
  const sqliteFile = path.join(dir, "would-be-migrated.db");
  // The conventional command with a PostgreSQL URL: refused, and no SQLite file migrated instead.
  const toPostgres = prisma(null, "postgresql://postgres@127.0.0.1:5432/some_database");
  assert.equal(toPostgres.status, 1);
  assert.match(toPostgres.stderr, /DATABASE_URL names a PostgreSQL database, but this is the SQLite configuration/);
  assert.match(toPostgres.stderr, /npm run db:deploy.*--config prisma\.pg\.config\.ts/s);
  const toSqlite = prisma("prisma.pg.config.ts", `file:${sqliteFile}`);
  assert.equal(toSqlite.status, 1);
  assert.match(toSqlite.stderr, /DATABASE_URL names a SQLite file, but this is the PostgreSQL configuration/);
  const unset = prisma("prisma.pg.config.ts", undefined);
  assert.equal(unset.status, 1, "no silent default PostgreSQL database either");
  assert.match(unset.stderr, /DATABASE_URL is not set, but this is the PostgreSQL configuration/);
  // The right pairing does act on the database the URL names.
  const applied = prisma(null, `file:${sqliteFile}`);
  assert.equal(applied.status, 0, applied.stderr);
  assert.ok(statSync(sqliteFile).size > 0);
});
