// Server code that the reader pages (pages/, Pages Router) also load: Next refuses `server-only` there.
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { IsolatedSqliteAdapter } from "@/lib/sqlite-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import { readReplicas } from "@prisma/extension-read-replicas";
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

/**
 * A `contains` filter that ignores case on both engines: SQLite's LIKE ignores ASCII case already;
 * PostgreSQL needs to be told.
 */
export function containsAnyCase(text: string): { contains: string; mode?: "insensitive" } {
  return currentEngine() === "postgresql" ? { contains: text, mode: "insensitive" } : { contains: text };
}

// Password hashes never leave the database unless a query asks for them by name.
const omit = { user: { passwordHash: true } } as const;

function sqliteClient(url: string) {
  return new SqliteClient({ adapter: new IsolatedSqliteAdapter({ url, timeout: 5000 }), omit });
}
/** Every query is typed against the SQLite client: the lowest common denominator of both engines. */
export type Db = ReturnType<typeof sqliteClient>;

/** The client handed to an interactive transaction's callback. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const engineOfClient = new WeakMap<Db, Engine>();

/** The engine behind a client: one createDb made, or else the shared one's. */
export function engineOfDb(client: Db): Engine {
  return engineOfClient.get(client) ?? currentEngine();
}

/** Builds a client for a URL. The app uses the shared `db`; tests and scripts may open others. */
export function createDb(url: string): Db {
  const client = openDb(url);
  engineOfClient.set(client, engineOf(url));
  return client;
}

function openDb(url: string): Db {
  if (engineOf(url) === "sqlite") {
    const file = url.slice("file:".length);
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    // WAL lets readers proceed during a write and survives a crash mid-write; it is stored
    // in the file, so setting it once per process start is enough.
    const raw = new Database(file, { timeout: 5000 });
    raw.pragma("journal_mode = WAL");
    // Table statistics for the query planner, refreshed when a table has grown a lot since the
    // last time (bounded work: a sample of each index). Without them SQLite guesses that
    // "deletedAt IS NULL" is selective and walks the whole archive for one author's articles.
    raw.pragma("analysis_limit = 1000");
    raw.pragma("optimize = 0x10002");
    raw.close();
    return sqliteClient(url);
  }
  return new PgClient({ adapter: new PrismaPg({ connectionString: url }), omit }) as unknown as Db;
}

/** DATABASE_REPLICA_URLS: comma-separated PostgreSQL read replicas of DATABASE_URL. */
export function replicaUrls(value = process.env.DATABASE_REPLICA_URLS): string[] {
  const urls = (value ?? "")
    .split(",")
    .map((u) => u.trim())
    .filter(Boolean);
  for (const url of urls) {
    if (engineOf(url) !== "postgresql") throw new Error("DATABASE_REPLICA_URLS must list postgresql:// URLs");
  }
  return urls;
}

/**
 * A client whose queries each go to one of the replicas (picked at random by Prisma's
 * read-replicas extension), or the primary itself when there are none.
 */
export function createReaderDb(primary: Db, replicas: Db[]): Db {
  if (replicas.length === 0) return primary;
  const routed = primary.$extends(readReplicas({ replicas }));
  // $replica() is a whole client: model queries and raw SQL alike run on the replica.
  return lazy(() => routed.$replica() as unknown as Db);
}

const globalForDb = globalThis as unknown as { bylineDb?: Db; bylineReplicas?: Db[]; bylineReaderDb?: Db };
function instance(): Db {
  return (globalForDb.bylineDb ??= createDb(process.env.DATABASE_URL || DEFAULT_DATABASE_URL));
}
function replicas(): Db[] {
  return (globalForDb.bylineReplicas ??= replicaUrls().map((url) => createDb(url)));
}
function readerInstance(): Db {
  return (globalForDb.bylineReaderDb ??= createReaderDb(instance(), replicas()));
}

/**
 * The one Prisma client of this process, chosen from DATABASE_URL. Built on first use, not on
 * import, so a build or a test can settle the URL before anything connects.
 */
export const db: Db = lazy(instance);

/**
 * What readers see: published pages, feeds, search and the public API. With
 * DATABASE_REPLICA_URLS these reads go to a replica; the workspace and every write use `db`,
 * so an editor always reads back what they just saved.
 */
export const readerDb: Db = lazy(readerInstance);

function lazy(client: () => Db): Db {
  return new Proxy({} as Db, {
    get(_, property) {
      const target = client();
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * Waits until every replica has replayed the primary's log as it is now (at most `timeoutMs`),
 * so that pages re-rendered after a write read that write. Without replicas it returns at once.
 */
export async function waitForReplicas(timeoutMs = 2_000): Promise<void> {
  if (replicas().length === 0) return;
  const [{ lsn }] = await db.$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`;
  const deadline = Date.now() + timeoutMs;
  await Promise.all(
    replicas().map(async (replica) => {
      for (;;) {
        // NULL: the server is not a standby (replaying nothing), so there is nothing to wait for.
        const [{ behind }] = await replica.$queryRaw<
          { behind: boolean | null }[]
        >`SELECT pg_last_wal_replay_lsn() < ${lsn}::pg_lsn AS behind`;
        if (!behind || Date.now() > deadline) return;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }),
  );
}
