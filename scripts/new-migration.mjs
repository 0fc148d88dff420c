// `npm run db:migrate:new -- <name>`: writes the next migration for both engines from the
// schema change (prisma migrate diff --from-migrations; `migrate dev` does not work offline).
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { engines, prismaBin } from "./prisma-env.mjs";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migrate:new -- <name in snake_case>");
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
for (const [engine, { config, schema, migrations }] of Object.entries(engines)) {
  const diff = spawnSync(
    prismaBin,
    ["migrate", "diff", "--config", config, "--from-migrations", migrations, "--to-schema-datamodel", schema, "--script"],
    { encoding: "utf8", env: { ...process.env, CHECKPOINT_DISABLE: "1" } },
  );
  if (diff.status !== 0) {
    console.error(diff.stderr);
    process.exit(1);
  }
  if (diff.stdout.includes("This is an empty migration")) {
    console.log(`${engine}: no change`);
    continue;
  }
  const dir = `${migrations}/${stamp}_${name}`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/migration.sql`, diff.stdout);
  console.log(`${engine}: wrote ${dir}/migration.sql`);
}
