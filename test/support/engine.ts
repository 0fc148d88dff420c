import { DEFAULT_DATABASE_URL, engineOf } from "@/lib/db";

/** Whether this run is on PostgreSQL (DATABASE_URL names one); a SQLite run needs no PostgreSQL server. */
export const onPostgres = engineOf(process.env.DATABASE_URL || DEFAULT_DATABASE_URL) === "postgresql";

/** For `test(name, { skip: needsPostgres }, …)`: the reason a test does not run on SQLite. */
export const needsPostgres = onPostgres ? false : "needs PostgreSQL: runs when DATABASE_URL names a PostgreSQL server";

/** The PostgreSQL server of this run (scratch databases are created on it). */
export function postgresServer(): string {
  if (!onPostgres) throw new Error(String(needsPostgres));
  return process.env.DATABASE_URL!;
}
