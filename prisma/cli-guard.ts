// The Prisma CLI must never apply a command to another database than the one DATABASE_URL names:
// `npx prisma migrate deploy` with a PostgreSQL URL used to migrate data/byline.db and say "All
// migrations have been successfully applied" while PostgreSQL stayed empty. Each engine's config
// refuses a database command whose URL names the other engine, and says what to run instead.
// (`prisma generate` touches no database: both clients are generated whatever DATABASE_URL says;
// `migrate diff` works in a shadow database.)

const DATABASE_COMMANDS = new Set(["migrate", "db", "studio", "introspect"]);

export function refuseOtherEngine(configEngine: "sqlite" | "postgresql", url: string | undefined): void {
  const [command, subcommand] = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
  if (!command || !DATABASE_COMMANDS.has(command)) return;
  // `migrate diff` compares migrations with the schema in a throw-away shadow database (db:check, db:migrate:new).
  if (command === "migrate" && subcommand === "diff") return;
  const urlEngine = !url ? "unset" : url.startsWith("file:") ? "sqlite" : /^postgres(ql)?:/.test(url) ? "postgresql" : "other";
  if (urlEngine === configEngine || (urlEngine === "unset" && configEngine === "sqlite")) return;
  const named =
    urlEngine === "unset"
      ? "DATABASE_URL is not set"
      : `DATABASE_URL names ${urlEngine === "sqlite" ? "a SQLite file" : urlEngine === "postgresql" ? "a PostgreSQL database" : "an engine Byline does not run on"}`;
  const right =
    urlEngine === "postgresql"
      ? "--config prisma.pg.config.ts"
      : urlEngine === "sqlite" || urlEngine === "unset"
        ? "--config prisma.config.ts"
        : null;
  console.error(
    `\nRefusing \`prisma ${command}\`: ${named}, but this is the ${configEngine === "sqlite" ? "SQLite" : "PostgreSQL"} configuration.\n` +
      `Run \`npm run db:deploy\` (it picks the engine from DATABASE_URL)${right ? ` or add \`${right}\`` : ""}.\n`,
  );
  process.exit(1);
}
