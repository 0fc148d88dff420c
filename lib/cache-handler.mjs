// Next's ISR and data cache in Redis, used only when REDIS_URL is set (see next.config.js), so
// several `next start` instances serve the same pages and one instance's revalidateTag expires
// them everywhere. The handlers are @fortedigital/nextjs-cache-handler's; this file only wires
// them up and decides which one answers while Redis is unreachable.
import { createClient } from "redis";
import { CacheHandler } from "@fortedigital/nextjs-cache-handler";
import createRedisHandler from "@fortedigital/nextjs-cache-handler/redis-strings";
import createLruHandler from "@fortedigital/nextjs-cache-handler/local-lru";

import cacheSettings from "./cache-settings.js";

const { RESPONSE_CACHE_KEY, SHARED_CACHE_KEEP_SECONDS } = cacheSettings;
const CONNECT_WAIT_MS = 2_000;
/** How often at most the entries past their lifetime are swept from the shared cache's indexes. */
const SWEEP_INTERVAL_MS = 60_000;

/**
 * The library's Redis handler, with a tag expiry that does not grow with the cache. Its own
 * `revalidateTag` reads the tags of every cached entry to find those to delete, and sweeps every
 * entry's lifetime too: two scans of whole hashes per tag, measured at 22–36 ms of this server's
 * CPU with 2,000 cached entries and 0.5–0.7 s with 100,000 — and a live article's save expires
 * two tags. Its `get` already refuses an entry whose tags (its own or its path's) expired after it
 * was stored, so recording the time of the expiry is enough: one write. The entries left behind
 * leave Redis at the end of their lifetime (EXPIREAT), and the sweep of their index entries runs
 * at most once a minute, in the background.
 */
export function createSharedHandler({ client, keyPrefix, timeoutMs }) {
  const handler = createRedisHandler({ client, keyPrefix, timeoutMs });
  // The hash the library's `get` reads expiry times from (test/shared-cache.test.ts checks it).
  const expiredTags = `${keyPrefix}__revalidated_tags__`;
  let lastSweep = 0;
  return {
    ...handler,
    async revalidateTag(tag) {
      await client.hSet(expiredTags, tag, Date.now());
      if (Date.now() - lastSweep < SWEEP_INTERVAL_MS) return;
      lastSweep = Date.now();
      handler.prepare().catch(() => {}); // a failed sweep is retried by the next expiry after the interval
    },
  };
}

/**
 * Once Redis holds a tag's expiry, the answers the response caches kept (server.mjs; every
 * instance's, through Redis) that were built from that data go: purged before, an answer rendered
 * in between from the old data would be kept for its second (lib/cache.ts purges when Next's own
 * memory has the expiry, which is sooner).
 * @param {string | string[]} tag
 */
function purgeAnswersBuiltFrom(tag) {
  const responseCache = /** @type {{ [key: symbol]: { purge(stale: { data: string[] }): unknown } | null | undefined }} */ (
    /** @type {unknown} */ (globalThis)
  )[RESPONSE_CACHE_KEY];
  return Promise.resolve(responseCache?.purge({ data: Array.isArray(tag) ? tag : [tag] })).then(
    () => {},
    () => {},
  );
}

CacheHandler.onCreation(async ({ buildId }) => {
  // Without the offline queue a command fails at once while Redis is down, instead of holding
  // a reader's request until it times out.
  const client = createClient({ url: process.env.REDIS_URL, pingInterval: 10_000, disableOfflineQueue: true });
  let reported = false;
  client.on("error", (error) => {
    if (!reported)
      console.error(`[byline] Redis cache unavailable (${error.message}); serving from this instance's memory until it is back.`);
    reported = true;
  });
  client.on("ready", () => {
    if (reported) console.error("[byline] Redis cache is back.");
    reported = false;
  });
  // The client keeps reconnecting on its own; start-up waits for it a little, never for ever.
  const connected = client.connect().catch(() => {});
  await Promise.race([connected, new Promise((resolve) => setTimeout(resolve, CONNECT_WAIT_MS))]);

  const shared = createSharedHandler({
    client,
    // A page holds the hashed names of its build's CSS and JS: instances of different builds
    // (a rolling deploy) must not serve each other's pages.
    keyPrefix: `byline:${buildId ?? "dev"}:`,
    timeoutMs: 1_000,
  });
  const local = createLruHandler();
  const current = () => (client.isReady ? shared : local);
  return {
    handlers: [
      {
        name: "redis-or-local",
        get: (key, meta) => current().get(key, meta),
        set: (key, value, ctx) => current().set(key, value, ctx),
        delete: (key) => Promise.all([local.delete?.(key), client.isReady && shared.delete?.(key)]).then(() => {}),
        revalidateTag: (tag) =>
          Promise.all([local.revalidateTag(tag), client.isReady && shared.revalidateTag(tag)]).then(() => purgeAnswersBuiltFrom(tag)),
      },
    ],
    ttl: { estimateExpireAge: (staleAge) => Math.max(staleAge, SHARED_CACHE_KEEP_SECONDS) },
  };
});

export default CacheHandler;
