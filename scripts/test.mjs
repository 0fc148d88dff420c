// `npm test`: the whole suite on the engine DATABASE_URL names (SQLite when unset).
// Unit and integration tests first, then a fresh end-to-end database (migrated with
// `prisma migrate deploy`, seeded with the importer), a production build, and Playwright.
// `npm test -- --unit` or `-- --e2e` runs one half; other arguments go to Playwright.
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import pg from "pg";
import { engineFor } from "./prisma-env.mjs";

const args = process.argv.slice(2);
const only = args.includes("--unit") ? "unit" : args.includes("--e2e") ? "e2e" : null;
const playwrightArgs = args.filter((a) => a !== "--unit" && a !== "--e2e");
const engine = engineFor();

function run(command, commandArgs, env = {}) {
  console.log(`\n$ ${command} ${commandArgs.join(" ")}`);
  const result = spawnSync(command, commandArgs, {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1", ...env },
  });
  if (result.status !== 0) {
    console.error(`\n✖ ${command} ${commandArgs.join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

async function freshE2eDatabase() {
  if (engine === "sqlite") {
    const file = "data/e2e.db";
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
    return `file:./${file}`;
  }
  const url = new URL(process.env.DATABASE_URL);
  const name = `${url.pathname.slice(1) || "byline"}_e2e`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  return url.toString();
}

console.log(`Byline test suite on ${engine}`);
// CI runs the suite once per engine. SECOND_ENGINE_RUN=1 marks the second run, which skips what
// does not depend on the engine and the first run already did: lint and format, the build (no
// database at build time; the cache handler is chosen when the server starts), the reader pages
// with JavaScript off and the workspace's axe scans (their HTML is the same on both engines).
const secondEngineRun = Boolean(process.env.SECOND_ENGINE_RUN);
if (only === null && !secondEngineRun) {
  // Static checks first: they take seconds and name the line.
  run("npm", ["run", "lint"]);
  run("npm", ["run", "format:check"]);
}
if (only !== "e2e") run("npm", ["run", "test:unit"]);
if (only !== "unit") {
  const e2eUrl = await freshE2eDatabase();
  const env = { DATABASE_URL: e2eUrl };
  run("node", ["scripts/db.mjs", "migrate", "deploy"], env);
  run("npm", ["run", "db:seed"], env);
  if (secondEngineRun && existsSync(".next/BUILD_ID")) {
    console.log("\nReusing the build the first engine's run made (SECOND_ENGINE_RUN)");
  } else {
    // The build needs no database (reader pages render on their first request): it is given one
    // that does not exist, and must leave it so.
    const noDatabase = "data/no-database-at-build-time.db";
    rmSync(noDatabase, { force: true });
    run("node_modules/.bin/next", ["build"], { DATABASE_URL: `file:./${noDatabase}` });
    if (existsSync(noDatabase)) {
      console.error(`\n✖ next build opened a database (${noDatabase}): the build must not need one`);
      process.exit(1);
    }
  }
  // The react-server condition lets specs load lib/ modules (server-only); the web server gets it removed.
  run("node_modules/.bin/playwright", ["test", ...playwrightArgs], { E2E_DATABASE_URL: e2eUrl, NODE_OPTIONS: "--conditions=react-server" });
  // The short load run: readers and editors at once; it asserts correctness only, never timings.
  if (playwrightArgs.length === 0) {
    run("npm", ["run", "test:load", "--", "--short"], env);
    // And once more with the server SIGKILLed mid-save: every article whole, no acknowledged save lost.
    run("npm", ["run", "test:load", "--", "--short", "--crash"], env);
  }
}
