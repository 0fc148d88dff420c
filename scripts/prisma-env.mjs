// Shared by the db scripts: which Prisma CLI config, schema and migrations folder serve DATABASE_URL.
try {
  process.loadEnvFile(".env");
} catch {}

export const engines = {
  sqlite: { config: "prisma.config.ts", schema: "prisma/schema.prisma", migrations: "prisma/sqlite/migrations" },
  postgresql: { config: "prisma.pg.config.ts", schema: "prisma/postgres/schema.prisma", migrations: "prisma/postgres/migrations" },
};

export function engineFor(url = process.env.DATABASE_URL) {
  if (!url || url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must start with file: or postgresql:// (got ${url.split(":")[0]}:…)`);
}

export const prismaBin = "node_modules/.bin/prisma";
