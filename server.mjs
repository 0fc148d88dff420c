// Byline's production server (`npm start`): Next's own request handler, the one `next start` runs,
// behind an in-process HTTP cache for what Byline marks `public, s-maxage` (lib/response-cache.mjs).
// Next alone serves a cached reader page at under half the rate it serves a file from `public/`;
// from this cache a page costs about what the file does. RESPONSE_CACHE_MB=0 turns it off (for
// example behind nginx's micro-cache, which does the same job: deploy/nginx/reader-cache.conf).
//
//   node server.mjs [-H hostname] [-p port]      (or PORT; defaults: all interfaces, 3000)
import http from "node:http";
import { parseArgs } from "node:util";
import v8 from "node:v8";
import cacheSettings from "./lib/cache-settings.js";
import { createResponseCache, purgedEverywhere, withoutDataTags } from "./lib/response-cache.mjs";

process.env.NODE_ENV = "production";
// Prisma 6 plans every query in WebAssembly, on the event loop, and keeps no plans. V8 compiles
// WebAssembly with its baseline compiler first and optimizes only functions it sees run often:
// the query planner's run too seldom, so each plan took 2-5 ms (up to 11) and every reader page
// rendered anew held readers up for tens of milliseconds. Optimized from the first call, a plan
// takes under 1 ms, for about 0.3 s more at the first queries after a start (docs/performance.md).
v8.setFlagsFromString("--no-liftoff");
const { values } = parseArgs({
  options: { hostname: { type: "string", short: "H" }, port: { type: "string", short: "p" } },
});
// Not HOSTNAME from the environment: containers set it to their own name.
const hostname = values.hostname;
const port = Number(values.port ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`The port must be a number from 0 to 65535, not "${values.port ?? process.env.PORT}".`);
  process.exit(1);
}
const cacheMegabytes = Number(process.env.RESPONSE_CACHE_MB ?? 64);
if (!Number.isFinite(cacheMegabytes) || cacheMegabytes < 0) {
  console.error(`RESPONSE_CACHE_MB must be a number of megabytes (0 turns the cache off), not "${process.env.RESPONSE_CACHE_MB}".`);
  process.exit(1);
}

const { default: next } = await import("next");
const app = next({ dev: false, dir: import.meta.dirname, hostname: hostname ?? "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();

const cache = cacheMegabytes > 0 ? createResponseCache({ maxBytes: cacheMegabytes * 1024 * 1024 }) : null;
// Byline's mutations purge it through this handle (lib/cache.ts), so an editor's change is not
// hidden behind an answer kept before it — with REDIS_URL, on every instance.
Object.assign(globalThis, {
  [cacheSettings.RESPONSE_CACHE_KEY]: cache && {
    purge: process.env.REDIS_URL ? purgedEverywhere(cache, process.env.REDIS_URL) : cache.purge,
  },
});

/** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
async function answer(req, res) {
  try {
    if (cache) await cache.handle(req, res, handle);
    else {
      withoutDataTags(res); // the response cache's bookkeeping, kept from clients with or without it
      await handle(req, res);
    }
  } catch (error) {
    console.error("[byline] request %s failed:", req.url, error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  }
}

const server = http.createServer(answer);
server.listen(port, hostname, () => {
  const local = !hostname || hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname;
  // What `next start` records: the server's own address, which it uses to call itself.
  process.env.PORT = String(port);
  process.env.__NEXT_PRIVATE_ORIGIN = `http://${local}:${port}`;
  console.log(`▲ Byline ready on http://${local}:${port}${cache ? ` (response cache: ${cacheMegabytes} MB)` : ""}`);
});

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    app.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
