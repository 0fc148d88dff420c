// An HTTP cache in the server process, in front of Next (server.mjs): what nginx's micro-cache
// (deploy/nginx/reader-cache.conf) does in production, for a deployment that runs Byline alone.
// It keeps what Byline itself says shared caches may keep — reader pages, feeds, sitemaps and the
// JSON API answer `public, s-maxage=1` — for that second, and answers from memory meanwhile: a
// burst of readers on one story costs Next one answer per page per second instead of one each.
// docs/caching.md explains where it sits among the other caches.
import CachePolicy from "http-cache-semantics";
import { LRUCache } from "lru-cache";
import { createClient } from "redis";

/** Where instances sharing Redis tell each other to purge. */
const PURGE_CHANNEL = "byline:response-cache:purge";

/** Requests this cache leaves to Next: signed-in people, Server Actions, client-side navigations. */
const BYPASS_HEADERS = ["authorization", "next-action", "rsc", "next-router-state-tree", "range"];
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/;
/** Longer keys are not worth keeping: no reader URL comes close. */
const MAX_KEY_LENGTH = 2_048;
/** Bytes of headers and bookkeeping counted per entry on top of its body. */
const ENTRY_OVERHEAD_BYTES = 1_024;

/**
 * @typedef {{ status: number, headers: Record<string, string | string[]>, body: Buffer, policy: CachePolicy, etag: string | undefined }} Entry
 * @typedef {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => unknown} Handler
 */

/**
 * @param {{ maxBytes?: number, maxEntryBytes?: number }} [options]
 */
export function createResponseCache({ maxBytes = 64 * 1024 * 1024, maxEntryBytes = 1024 * 1024 } = {}) {
  /** @type {LRUCache<string, Entry>} */
  const entries = new LRUCache({ maxSize: maxBytes, sizeCalculation: (entry) => entry.body.length + ENTRY_OVERHEAD_BYTES });
  // Bumped by every purge: an answer that began before a purge may hold what the purge removed,
  // and is passed on but not kept.
  let generation = 0;

  /**
   * Answers `req` from the cache, or lets `next` answer it and keeps the answer if it may.
   * @param {import("node:http").IncomingMessage} req
   * @param {import("node:http").ServerResponse} res
   * @param {Handler} next
   */
  function handle(req, res, next) {
    const key = keyOf(req);
    if (key === null) return next(req, res);
    const request = policyRequestOf(req);
    const entry = entries.get(key);
    if (entry && entry.policy.satisfiesWithoutRevalidation(request)) {
      answerFrom(entry, req, res);
      return;
    }
    res.setHeader("x-byline-cache", "MISS");
    // A conditional request may be answered 304, which has no body to keep.
    if (req.method === "GET" && !req.headers["if-none-match"] && !req.headers["if-modified-since"]) {
      keepAnswer(res, request, generation, (fresh) => entries.set(key, fresh));
    }
    return next(req, res);
  }

  /**
   * Collects what Next writes, and on the end hands it to `store` if a shared cache may keep it.
   * @param {import("node:http").ServerResponse} res
   * @param {CachePolicy.Request} request
   * @param {number} startedIn the purge generation the answer began in
   * @param {(entry: Entry) => void} store
   */
  function keepAnswer(res, request, startedIn, store) {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    let tooLarge = false;
    /** @type {import("node:http").OutgoingHttpHeaders} */
    let headersGiven = {};
    /** @param {unknown} chunk @param {unknown} encoding */
    const collect = (chunk, encoding) => {
      if (tooLarge || chunk == null || typeof chunk === "function") return;
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk)
          : Buffer.from(String(chunk), typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8");
      size += buffer.length;
      if (size > maxEntryBytes) tooLarge = true;
      else chunks.push(buffer);
    };
    const { writeHead, write, end } = res;
    // Next sets most headers with setHeader, but writeHead may carry more.
    res.writeHead = /** @type {typeof res.writeHead} */ (
      function (/** @type {number} */ status, /** @type {any[]} */ ...rest) {
        const given = rest.find((arg) => arg && typeof arg === "object");
        if (given && !Array.isArray(given)) headersGiven = { ...headersGiven, ...given };
        return writeHead.call(res, status, ...rest);
      }
    );
    res.write = /** @type {typeof res.write} */ (
      function (/** @type {unknown} */ chunk, /** @type {any[]} */ ...rest) {
        collect(chunk, rest[0]);
        return write.call(res, /** @type {any} */ (chunk), ...rest);
      }
    );
    res.end = /** @type {typeof res.end} */ (
      function (/** @type {unknown} */ chunk, /** @type {any[]} */ ...rest) {
        collect(chunk, rest[0]);
        return end.call(res, /** @type {any} */ (chunk), ...rest);
      }
    );
    // Only an answer handed over whole: a reader who hung up mid-answer leaves nothing behind.
    res.once("finish", () => {
      if (tooLarge || startedIn !== generation) return;
      const headers = { ...lowerCased(headersGiven), ...res.getHeaders() };
      const entry = storableEntry(request, res.statusCode, headers, Buffer.concat(chunks, size));
      if (entry) store(entry);
    });
  }

  return {
    handle,
    /** Drops every kept answer: after a change readers could notice, the next reader gets Next's. */
    purge() {
      generation++;
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}

/**
 * A purge that reaches every instance sharing Redis: each drops what it kept when any of them
 * changes something, so a reader on another instance does not get the old page for its second.
 * While Redis is down, the other instances' copies age out within that second.
 * @param {ReturnType<typeof createResponseCache>} cache
 * @param {string} url
 * @returns {(() => Promise<void>) & { close(): Promise<void> }}
 */
export function purgedEverywhere(cache, url) {
  const publisher = createClient({ url, disableOfflineQueue: true });
  const subscriber = publisher.duplicate({ disableOfflineQueue: false });
  // The cache handler (lib/cache-handler.mjs) already reports Redis being down, and back.
  for (const client of [publisher, subscriber]) {
    client.on("error", () => {});
    client.connect().catch(() => {});
  }
  // Queued until connected; the client subscribes again after every reconnection.
  subscriber.subscribe(PURGE_CHANNEL, () => cache.purge()).catch(() => {});
  const purge = async () => {
    cache.purge();
    await publisher.publish(PURGE_CHANNEL, "purge").catch(() => {});
  };
  return Object.assign(purge, {
    close: async () => void (await Promise.allSettled([publisher.close(), subscriber.close()])),
  });
}

/**
 * The cache key of a request this cache may answer, or null: the method's answer differs only by
 * host, URL and the compression the reader accepts (the entry itself checks any other `Vary`).
 * @param {import("node:http").IncomingMessage} req
 */
function keyOf(req) {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  if (BYPASS_HEADERS.some((name) => req.headers[name] !== undefined)) return null;
  if (SESSION_COOKIE.test(req.headers.cookie ?? "")) return null;
  const key = `${req.headers.host ?? ""} ${req.url ?? ""} ${req.headers["accept-encoding"] ?? ""}`;
  return key.length > MAX_KEY_LENGTH ? null : key;
}

/**
 * The request as the cache policy sees it. A reader's `Cache-Control: no-cache` (a reload) does
 * not reach Next: like nginx, this cache serves the second-old answer, or anyone could bypass it.
 * @param {import("node:http").IncomingMessage} req
 * @returns {CachePolicy.Request}
 */
function policyRequestOf(req) {
  const headers = { ...req.headers };
  delete headers["cache-control"];
  delete headers.pragma;
  return { method: "GET", url: req.url, headers: /** @type {CachePolicy.Headers} */ (headers) };
}

/**
 * @param {CachePolicy.Request} request
 * @param {number} status
 * @param {import("node:http").OutgoingHttpHeaders} outgoing
 * @param {Buffer} body
 * @returns {Entry | null}
 */
function storableEntry(request, status, outgoing, body) {
  if (status !== 200) return null;
  /** @type {Record<string, string | string[]>} */
  const headers = {};
  for (const [name, value] of Object.entries(outgoing)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value : String(value);
  }
  // Only what Byline marks for shared caches, never anything with a cookie, and no guessing a
  // lifetime from Last-Modified.
  const cacheControl = String(headers["cache-control"] ?? "");
  if (!/\bpublic\b/.test(cacheControl) || !/\bs-maxage=\d+/.test(cacheControl)) return null;
  if (headers["set-cookie"] !== undefined) return null;
  const policy = new CachePolicy(request, { status, headers }, { shared: true, cacheHeuristic: 0 });
  if (!policy.storable() || policy.timeToLive() <= 0) return null;
  delete headers["x-byline-cache"];
  delete headers["transfer-encoding"];
  delete headers["connection"];
  delete headers["keep-alive"];
  headers["content-length"] = String(body.length);
  const etag = typeof headers.etag === "string" ? headers.etag : undefined;
  return { status, headers, body, policy, etag };
}

/**
 * @param {Entry} entry
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 */
function answerFrom(entry, req, res) {
  res.setHeader("x-byline-cache", "HIT");
  if (entry.etag && etagMatches(req.headers["if-none-match"], entry.etag)) {
    const headers = { ...entry.headers };
    for (const name of ["content-length", "content-encoding", "content-type"]) delete headers[name];
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(entry.status, entry.headers);
  if (req.method === "HEAD") res.end();
  else res.end(entry.body);
}

/**
 * Weak comparison, as for GET (RFC 9110 §13.1.2).
 * @param {string | undefined} ifNoneMatch
 * @param {string} etag
 */
function etagMatches(ifNoneMatch, etag) {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => {
    const given = tag.trim();
    return given === "*" || given.replace(/^W\//, "") === bare;
  });
}

/** @param {import("node:http").OutgoingHttpHeaders} headers */
function lowerCased(headers) {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
