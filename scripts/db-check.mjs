// Fails when the generated PostgreSQL schema or either engine's migrations lag behind prisma/schema.prisma.
// `--engine sqlite` compares only SQLite's migrations (PostgreSQL's need a server for their shadow database).
import { spawnSync } from "node:child_process";
import { engines, prismaBin } from "./prisma-env.mjs";

let drift = spawnSync("node", ["scripts/gen-pg-schema.mjs", "--check"], { stdio: "inherit" }).status !== 0;
const only = process.argv.includes("--engine") ? process.argv[process.argv.indexOf("--engine") + 1] : null;
for (const [engine, { config, schema, migrations }] of Object.entries(engines)) {
  if (only && engine !== only) {
    console.log(`${engine}: not compared (--engine ${only})`);
    continue;
  }
  const diff = spawnSync(
    prismaBin,
    ["migrate", "diff", "--config", config, "--from-migrations", migrations, "--to-schema-datamodel", schema, "--exit-code"],
    { encoding: "utf8", env: { ...process.env, CHECKPOINT_DISABLE: "1" } },
  );
  if (diff.status === 0) console.log(`${engine}: migrations match the schema`);
  else {
    drift = true;
    console.error(`${engine}: migrations do not match the schema (exit ${diff.status})\n${diff.stdout}${diff.stderr}`);
  }
}
process.exit(drift ? 1 : 0);
