import "server-only";
import { createHash } from "node:crypto";
import { after } from "next/server";
import { revalidatePath, revalidateTag } from "next/cache";
import { DATA_TAGS_HEADER, dataTagsHeader, READER_CACHE_CONTROL, RESPONSE_CACHE_KEY } from "@/lib/cache-settings.js";
import { waitForReplicas } from "@/lib/db";
import { forgetReaderReadsInFlight, READER_TAG } from "@/lib/reader-data-cache";
import { regenerateReaderPages } from "@/lib/pages-revalidation";
import { readerPathsOf, type ReaderChange } from "@/lib/reader-paths";

export { READER_TAG };

/**
 * Every caching decision, in one place (with lib/cache-settings.js for the numbers plain-JavaScript
 * configuration needs too). docs/caching.md tells the story: why a reader sees an edit within a
 * second, and a scheduled article at its time, on every instance.
 *
 * - Reader pages are rendered on first request and cached by Next (in Redis when REDIS_URL is set),
 *   re-rendered at most every READER_PAGE_REVALIDATE_SECONDS (each reader route file says
 *   `export const revalidate = 1`: Next needs the literal there; test/caching.test.ts checks it).
 * - The data behind them is cached under READER_TAG, in the generation of the newest go-live time
 *   (`cachedForReaders`), so a scheduled article appears when its time comes with no one publishing.
 * - Every mutation that readers could notice calls `invalidateReaderPages`; workspace screens that
 *   must show a change at once call `refreshWorkspace`.
 * - Responses say how long shared caches may keep them (READER_CACHE_CONTROL, with an ETag).
 */

/**
 * After a change readers could notice: the reader data cache expires (API, feeds, sitemaps: all of
 * it, or the change's `dataTags`), and the reader pages showing what changed are re-rendered now,
 * so the next reader gets them new.
 */
export async function invalidateReaderPages(change: ReaderChange = {}): Promise<void> {
  // Scripts and tests run outside a Next server, where there is no cache to expire.
  if (!process.env.NEXT_RUNTIME) return;
  // Reader pages read from replicas: expiring them before a replica has the change would
  // re-render (and cache) the old content.
  await waitForReplicas();
  const dataTags = change.dataTags ?? [READER_TAG];
  forgetReaderReadsInFlight(dataTags);
  // The data cache expires as the response closes, not within it: an expiry inside a Server Action
  // makes Next render the whole page again into its response, which the editor, whose form
  // already shows the save, would only throw away. Nothing in the response needs it (reader pages
  // read uncached), and the reader's next request comes after the close.
  const paths = await readerPathsOf(change);
  // A change that expired all reader data may show anywhere: everything is purged, twice. One that
  // expired some of it shows on the pages re-rendered here, purged once they are, and in what is
  // built per request from the data it expired (feeds, the API: `readerResponse`'s `dataTags`),
  // purged once that data has expired: before, Next would answer them from the old data anyway.
  const everywhere = !change.dataTags;
  after(() => {
    for (const tag of dataTags) revalidateTag(tag, { expire: 0 });
    // Next expires the tags once this request's after() callbacks have all ended (in memory, before
    // any I/O; with Redis, lib/cache-handler.mjs purges again once Redis has the expiry). Purged
    // before that, an answer rendered in between would be kept with the old data.
    setImmediate(() => void purgeResponseCaches(everywhere ? undefined : { data: dataTags }));
  });
  await regenerateReaderPages(paths);
  await purgeResponseCaches(everywhere ? undefined : { pages: paths });
}

type ResponseCachePurge = { pages?: string[]; data?: boolean | string[] };

/**
 * Drops answers the instances' response caches kept (server.mjs: this one's, and through Redis
 * every other's): all of them, or the pages and the answers built from reader data that `stale`
 * names (lib/response-cache.mjs). Twice per change: once the pages are re-rendered, and once the
 * data cache has expired, so neither an old page nor an old feed outlives the save.
 */
async function purgeResponseCaches(stale?: ResponseCachePurge): Promise<void> {
  const cache = (globalThis as { [RESPONSE_CACHE_KEY]?: { purge(stale?: ResponseCachePurge): void | Promise<void> } | null })[
    RESPONSE_CACHE_KEY
  ];
  try {
    await cache?.purge(stale);
  } catch (error) {
    console.error("[byline] purging the response cache failed: %s", (error as Error).message);
  }
}

/** After a Server Action: the workspace's screens (or the one at `path`) show the change on return. */
export function refreshWorkspace(path?: string): void {
  if (path) revalidatePath(path);
  else revalidatePath("/admin", "layout");
}

/** A strong ETag for a response body. */
function etagOf(body: string): string {
  return `"${createHash("sha1").update(body).digest("base64url")}"`;
}

/**
 * A reader response (JSON API, feeds) with the readers' Cache-Control and a strong ETag; with the
 * request, a 304 when the client already has this body. `dataTags`, the reader data it was built
 * from (all of it when unsaid), tells the response cache which changes make it stale.
 */
export function readerResponse(
  body: string,
  contentType: string,
  { request, status = 200, dataTags }: { request?: Request; status?: number; dataTags?: readonly string[] } = {},
): Response {
  const etag = etagOf(body);
  const headers: Record<string, string> = { ETag: etag, "Content-Type": contentType, "Cache-Control": READER_CACHE_CONTROL };
  if (dataTags) headers[DATA_TAGS_HEADER] = dataTagsHeader(dataTags);
  const ifNoneMatch = request?.headers.get("if-none-match");
  if (ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim() === etag || tag.trim() === `W/${etag}`)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status, headers });
}

/** A JSON reader response (the public API). */
export function jsonForReaders(request: Request, data: unknown, init: { status?: number; dataTags?: readonly string[] } = {}): Response {
  return readerResponse(JSON.stringify(data), "application/json; charset=utf-8", { request, ...init });
}
