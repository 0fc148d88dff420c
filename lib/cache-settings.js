// The numbers behind Byline's caching that plain-JavaScript configuration needs too (next.config.js,
// lib/cache-handler.mjs, proxy.ts). lib/cache.ts holds every other caching decision and explains
// them; docs/caching.md tells the whole story in one page.

/** How often a cached reader page is re-rendered (each route file's `export const revalidate`). */
const READER_PAGE_REVALIDATE_SECONDS = 1;

/**
 * How long a shared HTTP cache (nginx, a CDN) and Next itself may serve a reader page stale while
 * it fetches or renders the next one: Next's `expireTime` is this plus the one second above.
 */
const READER_STALE_SECONDS = 59;

/** Reader responses (pages, feeds, sitemaps, the JSON API). */
const READER_CACHE_CONTROL = `public, s-maxage=${READER_PAGE_REVALIDATE_SECONDS}, stale-while-revalidate=${READER_STALE_SECONDS}`;

/** The workspace, sign-in and anything answered to one person: never stored anywhere. */
const PRIVATE_CACHE_CONTROL = "private, no-store";

/**
 * How long Redis keeps a cached page. Far longer than the revalidation interval, so a page is
 * always there to be served stale while the next one renders; superseded entries are replaced.
 */
const SHARED_CACHE_KEEP_SECONDS = 24 * 60 * 60;

/** Where server.mjs leaves its response cache for lib/cache.ts to purge after a change. */
const RESPONSE_CACHE_KEY = Symbol.for("byline.responseCache");

/**
 * The header in which an answer built per request from reader data (feeds, the API, search) names
 * the data it was built from, as a CDN's surrogate keys: the response cache purges it only when a
 * change expires one of those tags (lib/response-cache.mjs). An answer without it is purged by any
 * change to reader data.
 */
const DATA_TAGS_HEADER = "x-byline-data-tags";

/**
 * The header's value for `tags` (a slug may hold any character: each is percent-encoded).
 * @param {readonly string[]} tags
 */
function dataTagsHeader(tags) {
  return tags.map(encodeURIComponent).join(" ");
}

/**
 * The tags in the header's value.
 * @param {unknown} value
 * @returns {Set<string>}
 */
function dataTagsIn(value) {
  const tags = new Set();
  for (const tag of String(value).split(" ")) {
    try {
      if (tag) tags.add(decodeURIComponent(tag));
    } catch {
      // not one this server wrote: ignored
    }
  }
  return tags;
}

module.exports = {
  DATA_TAGS_HEADER,
  dataTagsHeader,
  dataTagsIn,
  READER_PAGE_REVALIDATE_SECONDS,
  READER_STALE_SECONDS,
  READER_CACHE_CONTROL,
  PRIVATE_CACHE_CONTROL,
  SHARED_CACHE_KEEP_SECONDS,
  RESPONSE_CACHE_KEY,
};
