// Next's ISR and data cache in Redis, used only when REDIS_URL is set (see next.config.js), so
// several `next start` instances serve the same pages and one instance's revalidateTag expires
// them everywhere. The handlers are @fortedigital/nextjs-cache-handler's; this file only wires
// them up and decides which one answers while Redis is unreachable.
import { createClient } from "redis";
import { CacheHandler } from "@fortedigital/nextjs-cache-handler";
import createRedisHandler from "@fortedigital/nextjs-cache-handler/redis-strings";
import createLruHandler from "@fortedigital/nextjs-cache-handler/local-lru";

import cacheSettings from "./cache-settings.js";

const { SHARED_CACHE_KEEP_SECONDS } = cacheSettings;
const CONNECT_WAIT_MS = 2_000;

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

  const shared = createRedisHandler({
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
        revalidateTag: (tag) => Promise.all([local.revalidateTag(tag), client.isReady && shared.revalidateTag(tag)]).then(() => {}),
      },
    ],
    ttl: { estimateExpireAge: (staleAge) => Math.max(staleAge, SHARED_CACHE_KEEP_SECONDS) },
  };
});

export default CacheHandler;
