// Prisma CLI config for the embedded SQLite database (engine "js": no native Prisma binaries).
// The app never loads this file; lib/db.ts builds its own client.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { refuseOtherEngine } from "./prisma/cli-guard";

// Prisma skips .env when a config file exists; real environment variables still win.
try {
  process.loadEnvFile(".env");
} catch {}

const envUrl = process.env.DATABASE_URL;
refuseOtherEngine("sqlite", envUrl);
const url = envUrl?.startsWith("file:") ? envUrl : "file:./data/byline.db";
mkdirSync(path.dirname(url.slice("file:".length)), { recursive: true });

type SqliteAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connectToShadowDb"]>>;

// The schema engine replays whole migration files through executeRaw when it builds the
// shadow database; better-sqlite3 refuses multi-statement SQL there, so fall back to executeScript.
function multiStatementSafe(adapter: SqliteAdapter): SqliteAdapter {
  const a = adapter as unknown as Record<string, (q: { sql: string; args: unknown[] }) => Promise<unknown>>;
  for (const method of ["executeRaw", "queryRaw"] as const) {
    const original = a[method].bind(adapter);
    a[method] = async (query) => {
      try {
        return await original(query);
      } catch (error) {
        const e = error as { message?: string; cause?: unknown };
        const text = JSON.stringify(e?.cause ?? e) + String(e?.message);
        if (query.args.length === 0 && /more than one statement/.test(text)) {
          await adapter.executeScript(query.sql);
          return method === "executeRaw" ? 0 : { columnNames: [], columnTypes: [], rows: [] };
        }
        throw error;
      }
    };
  }
  return adapter;
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/sqlite/migrations" },
  engine: "js",
  experimental: { adapter: true, externalTables: true },
  // The FTS5 index is hand-written in a migration; without this every diff proposes dropping it.
  tables: { external: ["ArticleFts", "ArticleFts_config", "ArticleFts_data", "ArticleFts_docsize", "ArticleFts_idx"] },
  adapter: async () => {
    const base = new PrismaBetterSQLite3({ url });
    return {
      provider: base.provider,
      adapterName: base.adapterName,
      connect: () => base.connect(),
      connectToShadowDb: async () => multiStatementSafe(await base.connectToShadowDb()),
    };
  },
});
