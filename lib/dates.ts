/** "2026-11-23 14:05 UTC": the workspace shows every time in UTC, as the form takes them. */
export function utc(date: Date | string | null | undefined): string {
  if (!date) return "—";
  return new Date(date).toISOString().slice(0, 16).replace("T", " ") + " UTC";
}

/** The value an <input type="datetime-local"> shows for a UTC time. */
export function datetimeLocalValue(date: Date | string | null | undefined): string {
  return date ? new Date(date).toISOString().slice(0, 16) : "";
}
