// Re-rendering reader pages right after a change, so the next reader gets the new version rather
// than the cached one (reader pages are the Pages Router's ISR: their cached HTML is otherwise
// refreshed at most every second, after one reader has been served the old one). The App Router
// cannot re-render a Pages Router page itself; a Pages API route can (`res.revalidate`), so the
// server asks itself, with a token only it can make.
import { createHmac, timingSafeEqual } from "node:crypto";

export const REVALIDATE_PATH = "/api/revalidate-pages";
export const REVALIDATE_HEADER = "x-byline-revalidate";

function token(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  return createHmac("sha256", secret).update("byline reader-page revalidation").digest("base64url");
}

export function isRevalidationToken(value: unknown): boolean {
  if (typeof value !== "string" || !process.env.NEXTAUTH_SECRET) return false;
  const expected = Buffer.from(token());
  const given = Buffer.from(value);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** This server's own address, as `next start` recorded it. */
function selfOrigin(): string {
  return process.env.__NEXT_PRIVATE_ORIGIN || `http://127.0.0.1:${process.env.PORT || 3000}`;
}

/**
 * Re-renders the reader pages at `paths` now (on this instance; with REDIS_URL every instance then
 * serves the new HTML from the shared cache). A failure is logged, not thrown: the change is saved,
 * and the pages refresh within a second anyway.
 */
export async function regenerateReaderPages(paths: string[]): Promise<void> {
  if (paths.length === 0) return;
  try {
    const response = await fetch(`${selfOrigin()}${REVALIDATE_PATH}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", [REVALIDATE_HEADER]: token() },
      body: JSON.stringify({ paths }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) console.error("[byline] re-rendering reader pages failed: %s", response.status);
  } catch (error) {
    console.error("[byline] re-rendering reader pages failed: %s", (error as Error).message);
  }
}
