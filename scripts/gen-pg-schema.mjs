// Writes prisma/postgres/schema.prisma from the one source schema, swapping only
// what differs for PostgreSQL. `--check` exits 1 if the committed copy has drifted.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";

const source = readFileSync("prisma/schema.prisma", "utf8");
const header = "// GENERATED from prisma/schema.prisma by scripts/gen-pg-schema.mjs. Do not edit.\n";
const pg =
  header +
  source
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://unused"')
    .replace(/output\s*=\s*"\.\.\/generated\/sqlite"/, 'output     = "../../generated/pg"')
    // Lines marked `// pg: ` in the source exist on PostgreSQL only.
    .replace(/^(\s*)\/\/ pg: /gm, "$1");

const target = "prisma/postgres/schema.prisma";
if (process.argv.includes("--check")) {
  const current = existsSync(target) ? readFileSync(target, "utf8") : "";
  if (current !== pg) {
    console.error(`${target} is out of date: run npm run db:generate`);
    process.exit(1);
  }
} else {
  mkdirSync("prisma/postgres", { recursive: true });
  writeFileSync(target, pg);
}
