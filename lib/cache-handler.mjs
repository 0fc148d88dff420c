// Next's ISR and data cache in Redis, used only when REDIS_URL is set (see next.config.js), so
// several `next start` instances serve the same pages and one instance's revalidateTag expires
// them everywhere. The handler itself is @fortedigital/nextjs-cache-handler's Redis handler.
import { createClient } from "redis";
import { CacheHandler } from "@fortedigital/nextjs-cache-handler";
import createRedisHandler from "@fortedigital/nextjs-cache-handler/redis-strings";

// Pages revalidate every second, but Next serves a stale entry while it renders the next one;
// Redis must keep entries far longer than that, or every second would be a blocking render.
const KEEP_ENTRIES_SECONDS = 24 * 60 * 60;

CacheHandler.onCreation(async ({ buildId }) => {
  const client = createClient({ url: process.env.REDIS_URL, pingInterval: 10_000 });
  // A lost connection is retried by the client; requests meanwhile render without the cache.
  client.on("error", (error) => console.error("[byline] Redis cache:", error.message));
  await client.connect();
  return {
    handlers: [
      createRedisHandler({
        client,
        // A page holds the hashed names of its build's CSS and JS: instances of different builds
        // (a rolling deploy) must not serve each other's pages.
        keyPrefix: `byline:${buildId ?? "dev"}:`,
        timeoutMs: 1_000,
      }),
    ],
    ttl: { estimateExpireAge: (staleAge) => Math.max(staleAge, KEEP_ENTRIES_SECONDS) },
  };
});

export default CacheHandler;
