import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/generated/sqlite/client";
import { PrismaClient as PgClient } from "@/generated/pg/client";

export type { Prisma } from "@/generated/sqlite/client";

export const DEFAULT_DATABASE_URL = "file:./data/byline.db";

export type Engine = "sqlite" | "postgresql";
export function engineOf(url: string): Engine {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error("DATABASE_URL must be a file: URL (SQLite) or a postgresql:// URL");
}
/** The engine of this process's database (DATABASE_URL, read when first needed). */
export function currentEngine(): Engine {
  return engineOf(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
}

// Password hashes never leave the database unless a query asks for them by name.
const omit = { user: { passwordHash: true } } as const;

function sqliteClient(url: string) {
  return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5000 }), omit });
}
/** Every query is typed against the SQLite client: the lowest common denominator of both engines. */
export type Db = ReturnType<typeof sqliteClient>;

/** The client handed to an interactive transaction's callback. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Builds a client for a URL. The app uses the shared `db`; tests and scripts may open others. */
export function createDb(url: string): Db {
  if (engineOf(url) === "sqlite") {
    const file = url.slice("file:".length);
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    // WAL lets readers proceed during a write and survives a crash mid-write; it is stored
    // in the file, so setting it once per process start is enough.
    const raw = new Database(file, { timeout: 5000 });
    raw.pragma("journal_mode = WAL");
    raw.close();
    return sqliteClient(url);
  }
  return new PgClient({ adapter: new PrismaPg({ connectionString: url }), omit }) as unknown as Db;
}

const globalForDb = globalThis as unknown as { bylineDb?: Db };
function instance(): Db {
  return (globalForDb.bylineDb ??= createDb(process.env.DATABASE_URL || DEFAULT_DATABASE_URL));
}

/**
 * The one Prisma client of this process, chosen from DATABASE_URL. Built on first use, not on
 * import, so a build or a test can settle the URL before anything connects.
 */
export const db: Db = new Proxy({} as Db, {
  get(_, property) {
    const client = instance();
    const value = Reflect.get(client, property);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
