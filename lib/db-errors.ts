/** Whether an error means the database cannot be reached right now (as opposed to a bug or bad data). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e: unknown = error; e && typeof e === "object" && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const { code, message, kind } = e as { code?: unknown; message?: unknown; kind?: unknown };
    if (
      typeof code === "string" &&
      [
        "P1001",
        "P1002",
        "P1008",
        "P1017",
        "P2024",
        "ECONNREFUSED",
        "ECONNRESET",
        "57P01",
        "57P03",
        "SQLITE_BUSY",
        "SQLITE_CANTOPEN",
      ].includes(code)
    )
      return true;
    if (kind === "DatabaseNotReachable" || kind === "ConnectionClosed" || kind === "SocketTimeout") return true;
    if (
      typeof message === "string" &&
      /ECONNREFUSED|Connection terminated|connect ETIMEDOUT|Can't reach database|database system is (shutting down|starting up)|terminating connection|Connection ended unexpectedly|database is locked/i.test(
        message,
      )
    )
      return true;
  }
  return false;
}

export const DATABASE_UNAVAILABLE = "The database is unavailable right now. Your text is kept in this form: save again in a moment.";
