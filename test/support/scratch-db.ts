// Fresh, fully migrated scratch databases for tests and benchmarks: a SQLite file in a
// temporary folder, or a throw-away database on a PostgreSQL server. Migrations are the
// committed SQL files, applied as they are.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { createDb, DEFAULT_DATABASE_URL, engineOf, type Db } from "@/lib/db";

function migrationScripts(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => /^\d+_/.test(name))
    .sort()
    .map((name) => readFileSync(path.join(folder, name, "migration.sql"), "utf8"));
}

export type ScratchDb = { db: Db; url: string; drop: () => Promise<void> };

async function adminQuery(serverUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Drops and creates the PostgreSQL database a URL names, through the server's `postgres` database. */
export async function recreatePgDatabase(databaseUrl: string) {
  const name = new URL(databaseUrl).pathname.slice(1);
  const server = new URL(databaseUrl);
  server.pathname = "/postgres";
  await adminQuery(server.toString(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(server.toString(), `CREATE DATABASE "${name}"`);
}

/** `"sqlite"`, or the URL of a PostgreSQL server to create the scratch database on. */
export async function createScratchDb(where: "sqlite" | string): Promise<ScratchDb> {
  if (where === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "byline-test-"));
    const file = path.join(dir, "test.db");
    const raw = new Database(file);
    for (const script of migrationScripts("prisma/sqlite/migrations")) raw.exec(script);
    raw.close();
    const url = `file:${file}`;
    const db = createDb(url);
    return {
      db,
      url,
      drop: async () => {
        await db.$disconnect();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `byline_test_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  await adminQuery(where, `CREATE DATABASE "${name}"`);
  const url = new URL(where);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  for (const script of migrationScripts("prisma/postgres/migrations")) await client.query(script);
  await client.end();
  const db = createDb(url.toString());
  return {
    db,
    url: url.toString(),
    drop: async () => {
      await db.$disconnect();
      await adminQuery(where, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** A scratch database on the engine under test: PostgreSQL when DATABASE_URL names one, else SQLite. */
export function createTestDb(): Promise<ScratchDb> {
  const url = process.env.DATABASE_URL ?? "";
  return createScratchDb(engineOf(url || DEFAULT_DATABASE_URL) === "postgresql" ? url : "sqlite");
}

/**
 * A scratch database on the engine under test that the app's own `db` (lib/db.ts) uses:
 * DATABASE_URL is pointed at it before anything in this process connects.
 */
export async function useTestDbForApp(): Promise<ScratchDb> {
  const scratch = await createTestDb();
  process.env.DATABASE_URL = scratch.url;
  return scratch;
}
