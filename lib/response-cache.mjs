// An HTTP cache in the server process, in front of Next (server.mjs): what nginx's micro-cache
// (deploy/nginx/reader-cache.conf) does in production, for a deployment that runs Byline alone.
// It keeps what Byline itself says shared caches may keep — reader pages, feeds, sitemaps and the
// JSON API answer `public, s-maxage=1` — for that second, and answers from memory meanwhile: a
// burst of readers on one story costs Next one answer per page per second instead of one each.
// docs/caching.md explains where it sits among the other caches.
import CachePolicy from "http-cache-semantics";
import { LRUCache } from "lru-cache";
import { createClient } from "redis";
import { DATA_TAGS_HEADER, dataTagsIn } from "./cache-settings.js";

/** Where instances sharing Redis tell each other to purge. */
const PURGE_CHANNEL = "byline:response-cache:purge";

/** Requests this cache leaves to Next: signed-in people, Server Actions, client-side navigations. */
const BYPASS_HEADERS = ["authorization", "next-action", "rsc", "next-router-state-tree", "range"];
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/;
/** Longer keys are not worth keeping: no reader URL comes close. */
const MAX_KEY_LENGTH = 2_048;
/** Bytes of headers and bookkeeping counted per entry on top of its body. */
const ENTRY_OVERHEAD_BYTES = 1_024;
/** Purges remembered for answers still being made: one begun before the oldest is not kept. */
const RECENT_PURGES = 256;
/** Longest a reader waits for the answer another reader's request is getting (as nginx's cache lock). */
const WAIT_FOR_ANSWER_MS = 5_000;

/**
 * @typedef {{ status: number, headers: Record<string, string | string[]>, body: Buffer, policy: CachePolicy, etag: string | undefined, pathname: string, page: boolean, dataTags: Set<string> | null }} Entry
 *   `dataTags`: the reader data an answer that is not a page says it was built from (null: unsaid)
 * @typedef {{ pages?: string[], data?: boolean | string[] }} Purge what a change made stale: the
 *   reader pages at `pages`, and the answers that are not pages (feeds, sitemaps, the API, search:
 *   built per request from reader data) built from the data tags `data` names, or with `true` all
 * @typedef {{ pages: Set<string>, data: boolean | Set<string> } | null} PurgeScope a Purge as checked, or null: everything
 * @typedef {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => unknown} Handler
 */

/**
 * @param {{ maxBytes?: number, maxEntryBytes?: number }} [options]
 */
export function createResponseCache({ maxBytes = 64 * 1024 * 1024, maxEntryBytes = 1024 * 1024 } = {}) {
  /** @type {LRUCache<string, Entry>} */
  const entries = new LRUCache({ maxSize: maxBytes, sizeCalculation: (entry) => entry.body.length + ENTRY_OVERHEAD_BYTES });
  // Bumped by every purge: an answer that began before a purge covering it may hold what the purge
  // removed, and is passed on but not kept.
  let generation = 0;
  /** @type {{ generation: number, scope: PurgeScope }[]} oldest first */
  const recentPurges = [];
  // Answers Next is making now, by key: readers missing the same page at once (after a purge, or
  // when its second is up) wait for the first one's answer instead of each asking Next to make it.
  /** @type {Map<string, Promise<Entry | null>>} */
  const coming = new Map();

  /** Whether a purge since generation `startedIn` covers `entry` (or may have: one forgotten). */
  function purgedSince(startedIn, /** @type {Entry} */ entry) {
    if (startedIn === generation) return false;
    if (!recentPurges.length || recentPurges[0].generation > startedIn + 1) return true;
    return recentPurges.some((purge) => purge.generation > startedIn && covers(purge.scope, entry));
  }

  /**
   * Answers `req` from the cache, or lets `next` answer it and keeps the answer if it may.
   * @param {import("node:http").IncomingMessage} req
   * @param {import("node:http").ServerResponse} res
   * @param {Handler} next
   */
  async function handle(req, res, next) {
    const keys = keysOf(req);
    if (keys === null) {
      withoutDataTags(res);
      return next(req, res);
    }
    const { key, pathKey } = keys;
    const request = policyRequestOf(req, keys.url);
    // A page's policy was made for its path alone.
    const askedOf = (/** @type {Entry} */ entry) => (entry.page ? { ...request, url: pathOf(keys.url) } : request);
    const fresh = (/** @type {Entry} */ entry) => entry.policy.satisfiesWithoutRevalidation(askedOf(entry));
    const entry = entries.get(key) ?? pageAt(pathKey);
    if (entry && fresh(entry)) return answerFrom(entry, req, res);
    const awaited = coming.get(key);
    if (awaited) {
      // Another reader's request is getting this answer anew. A kept one still here is only out of
      // its second (a change would have purged it), and `stale-while-revalidate` lets it serve
      // meanwhile, as nginx's `proxy_cache_use_stale updating` does: one reader a second waits
      // for the new answer, not every reader arriving while it is made.
      if (entry && usableWhileRenewed(entry.policy, askedOf(entry))) return answerFrom(entry, req, res, "UPDATING");
      const shared = await within(awaited, WAIT_FOR_ANSWER_MS);
      if (shared && fresh(shared)) return answerFrom(shared, req, res);
    }
    res.setHeader("x-byline-cache", "MISS");
    /** @type {unknown} */
    let dataTags;
    withoutDataTags(res, (tags) => (dataTags = tags));
    // A conditional request may be answered 304, which has no body to keep.
    if (req.method === "GET" && !req.headers["if-none-match"] && !req.headers["if-modified-since"]) {
      /** @type {(entry: Entry | null) => void} */
      let settle = () => {};
      const answer = new Promise((resolve) => (settle = resolve));
      if (!coming.has(key)) {
        coming.set(key, answer);
        void answer.then(() => coming.get(key) === answer && coming.delete(key));
      }
      keepAnswer(
        res,
        request,
        generation,
        () => dataTags,
        (fresh) => {
          // A page is the same whatever the query string: kept once for its path (`pageAt`).
          if (fresh) entries.set(fresh.page ? pathKey : key, fresh);
          settle(fresh);
        },
      );
    }
    return next(req, res);
  }

  /**
   * The page kept for a path, whatever query string it was asked for with: Next's statically
   * regenerated pages do not read the query, so `?fbclid=…` or `?x=1` gets the page everyone gets
   * instead of one Next answer each (a query string per request would otherwise go around this
   * cache). Anything else, search and the API among them, is kept per query string.
   * @param {string} pathKey
   */
  function pageAt(pathKey) {
    const entry = entries.get(pathKey);
    return entry?.page ? entry : undefined;
  }

  /**
   * Collects what Next writes, and once Next has made the whole answer hands it to `store` if a
   * shared cache may keep it, or null if not (once, whatever happens).
   * @param {import("node:http").ServerResponse} res
   * @param {CachePolicy.Request} request
   * @param {number} startedIn the purge generation the answer began in
   * @param {() => unknown} dataTags the data the answer said it was built from (`withoutDataTags`)
   * @param {(entry: Entry | null) => void} store
   */
  function keepAnswer(res, request, startedIn, dataTags, store) {
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
    let stored = false;
    /** @param {Entry | null} entry */
    const storeOnce = (entry) => {
      if (stored) return;
      stored = true;
      store(entry);
    };
    res.end = /** @type {typeof res.end} */ (
      function (/** @type {unknown} */ chunk, /** @type {any[]} */ ...rest) {
        collect(chunk, rest[0]);
        // Next has made the whole answer: it is kept now, not once this reader has received it all,
        // so that a reader reading slowly does not hold up the readers waiting for it. Unless this
        // reader hung up first: Next may then have cut the answer short.
        const hungUp = res.destroyed;
        const result = end.call(res, /** @type {any} */ (chunk), ...rest);
        if (hungUp || tooLarge) storeOnce(null);
        else {
          const headers = { ...lowerCased(headersGiven), ...res.getHeaders() };
          const entry = storableEntry(request, res.statusCode, headers, Buffer.concat(chunks, size), dataTags());
          storeOnce(entry && !purgedSince(startedIn, entry) ? entry : null);
        }
        return result;
      }
    );
    // Closed before Next made the whole answer: nothing to keep.
    res.once("close", () => storeOnce(null));
  }

  return {
    handle,
    /**
     * After a change readers could notice, the next reader gets Next's answer: to everything, or
     * to what `stale` names. Other pages stay: an edit to one story's text leaves the rest of the
     * site's pages as they were, and readers keep getting them from memory.
     * @param {Purge} [stale]
     */
    purge(stale) {
      generation++;
      const scope = stale
        ? {
            pages: new Set((stale.pages ?? []).flatMap(addressesOf)),
            data: Array.isArray(stale.data) ? new Set(stale.data) : stale.data === true,
          }
        : null;
      recentPurges.push({ generation, scope });
      if (recentPurges.length > RECENT_PURGES) recentPurges.shift();
      // Readers arriving from now on do not wait for an answer the purge may make unkeepable.
      coming.clear();
      if (!scope) return entries.clear();
      const covered = [];
      for (const [key, entry] of entries.entries()) if (covers(scope, entry)) covered.push(key);
      for (const key of covered) entries.delete(key);
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
 * @returns {((stale?: Purge) => Promise<void>) & { close(): Promise<void> }}
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
  subscriber.subscribe(PURGE_CHANNEL, (message) => cache.purge(purgeIn(message))).catch(() => {});
  const purge = async (/** @type {Purge | undefined} */ stale) => {
    cache.purge(stale);
    await publisher.publish(PURGE_CHANNEL, JSON.stringify(stale ?? null)).catch(() => {});
  };
  return Object.assign(purge, {
    close: async () => void (await Promise.allSettled([publisher.close(), subscriber.close()])),
  });
}

/**
 * What a purge message names, or undefined (purge everything) for anything else.
 * @param {string} message
 * @returns {Purge | undefined}
 */
function purgeIn(message) {
  try {
    const stale = JSON.parse(message);
    if (stale === null || typeof stale !== "object") return undefined;
    const { pages = [], data = false } = stale;
    const strings = (/** @type {unknown} */ list) => Array.isArray(list) && list.every((item) => typeof item === "string");
    return strings(pages) && (typeof data === "boolean" || strings(data)) ? { pages, data } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a purge's scope covers a kept answer: a page if its path is named; anything else (built
 * from reader data per request) if the purge names all data, or data the answer was built from,
 * or the answer did not say what it was built from.
 * @param {PurgeScope} scope
 * @param {Entry} entry
 */
function covers(scope, entry) {
  if (scope === null) return true;
  if (entry.page) return scope.pages.has(entry.pathname);
  if (typeof scope.data === "boolean") return scope.data;
  const expired = scope.data;
  return entry.dataTags === null || [...entry.dataTags].some((tag) => expired.has(tag));
}

/** The front page is /page/1 to Next (a rewrite) and / to readers. @param {string} path */
function addressesOf(path) {
  return path === "/page/1" ? [path, "/"] : [path];
}

/** A request URL without its query string. @param {string} url */
function pathOf(url) {
  return url.split("?", 1)[0];
}

/**
 * The decoded path of a request URL, as a purge names it.
 * @param {string | undefined} url
 */
function pathnameOf(url) {
  const path = pathOf(url ?? "/");
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * Parameters that links from elsewhere add for the sender's analytics (newsletters, social
 * networks, ads) and that no Byline page reads: a story shared on a social network arrives with a
 * different one per reader, each of which would otherwise miss this cache.
 */
const TRACKING_PARAMETER =
  /^(?:utm_[a-z_]+|fbclid|gclid|gbraid|wbraid|dclid|msclkid|twclid|ttclid|igshid|li_fat_id|mc_cid|mc_eid|_ga|_gl|yclid)$/i;

/**
 * The URL as this cache tells answers apart: without tracking parameters (their order otherwise kept).
 * @param {string} url
 */
function urlForKey(url) {
  const start = url.indexOf("?");
  if (start === -1) return url;
  const kept = url
    .slice(start + 1)
    .split("&")
    .filter((pair) => pair !== "" && !TRACKING_PARAMETER.test(pair.split("=", 1)[0]));
  return kept.length ? `${url.slice(0, start)}?${kept.join("&")}` : url.slice(0, start);
}

/**
 * The cache keys of a request this cache may answer, or null: the method's answer differs only by
 * host, URL and the compression the reader accepts (the entry itself checks any other `Vary`).
 * `pathKey` leaves the query string out, for pages (`pageAt`).
 * @param {import("node:http").IncomingMessage} req
 * @returns {{ key: string, pathKey: string, url: string } | null}
 */
function keysOf(req) {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  if (BYPASS_HEADERS.some((name) => req.headers[name] !== undefined)) return null;
  if (SESSION_COOKIE.test(req.headers.cookie ?? "")) return null;
  const url = req.url ?? "";
  if (url.length > MAX_KEY_LENGTH) return null;
  const keyOf = (/** @type {string} */ forKey) => `${req.headers.host ?? ""} ${forKey} ${req.headers["accept-encoding"] ?? ""}`;
  const forKey = urlForKey(url);
  const key = keyOf(forKey);
  return key.length > MAX_KEY_LENGTH ? null : { key, pathKey: keyOf(pathOf(url)), url: forKey };
}

/**
 * The request as the cache policy sees it. A reader's `Cache-Control: no-cache` (a reload) does
 * not reach Next: like nginx, this cache serves the second-old answer, or anyone could bypass it.
 * @param {import("node:http").IncomingMessage} req
 * @param {string} url the URL as the cache key has it (`urlForKey`)
 * @returns {CachePolicy.Request}
 */
function policyRequestOf(req, url) {
  const headers = { ...req.headers };
  delete headers["cache-control"];
  delete headers.pragma;
  return { method: "GET", url, headers: /** @type {CachePolicy.Headers} */ (headers) };
}

/**
 * Keeps the data tags Next names for an answer (DATA_TAGS_HEADER, this cache's own bookkeeping)
 * out of what the client receives, and hands them to `seen` as the headers go out.
 * @param {import("node:http").ServerResponse} res
 * @param {(tags: unknown) => void} [seen]
 */
export function withoutDataTags(res, seen = () => {}) {
  const { writeHead } = res;
  res.writeHead = /** @type {typeof res.writeHead} */ (
    function (/** @type {number} */ status, /** @type {any[]} */ ...rest) {
      const set = res.getHeader(DATA_TAGS_HEADER);
      res.removeHeader(DATA_TAGS_HEADER);
      const args = rest.map((arg) => {
        if (!arg || typeof arg !== "object" || Array.isArray(arg)) return arg;
        const { [DATA_TAGS_HEADER]: given, ...others } = lowerCased(arg);
        if (given !== undefined) seen(given);
        return others;
      });
      if (set !== undefined) seen(set);
      return writeHead.call(res, status, ...args);
    }
  );
}

/**
 * @param {CachePolicy.Request} request
 * @param {number} status
 * @param {import("node:http").OutgoingHttpHeaders} outgoing
 * @param {Buffer} body
 * @param {unknown} tagged the answer's data tags, if it named them
 * @returns {Entry | null}
 */
function storableEntry(request, status, outgoing, body, tagged) {
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
  // Next's incremental static regeneration marks its pages: they are re-rendered by path after a
  // change (lib/pages-revalidation.ts), and purged by path with them. Only their HTML: a page's
  // data asked for as JSON is not kept as the page.
  const page = headers["x-nextjs-cache"] !== undefined && String(headers["content-type"] ?? "").startsWith("text/html");
  const policy = new CachePolicy(
    page ? { ...request, url: pathOf(request.url ?? "/") } : request,
    { status, headers },
    {
      shared: true,
      cacheHeuristic: 0,
    },
  );
  if (!policy.storable() || policy.timeToLive() <= 0) return null;
  delete headers["x-byline-cache"];
  delete headers[DATA_TAGS_HEADER];
  delete headers["transfer-encoding"];
  delete headers["connection"];
  delete headers["keep-alive"];
  headers["content-length"] = String(body.length);
  const etag = typeof headers.etag === "string" ? headers.etag : undefined;
  const dataTags = page || tagged === undefined ? null : dataTagsIn(tagged);
  return { status, headers, body, policy, etag, pathname: pathnameOf(request.url), page, dataTags };
}

/**
 * Whether a kept answer past its freshness may be served while it is fetched anew.
 * @param {CachePolicy} policy
 * @param {CachePolicy.Request} request
 */
function usableWhileRenewed(policy, request) {
  const { response, revalidation } = policy.evaluateRequest(request);
  return response !== undefined && revalidation?.synchronous === false;
}

/**
 * @param {Entry} entry
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {"HIT" | "UPDATING"} [state] UPDATING: past its second, served while another request renews it
 */
function answerFrom(entry, req, res, state = "HIT") {
  res.setHeader("x-byline-cache", state);
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
 * What `promise` gives within `ms`, or null.
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @returns {Promise<T | null>}
 */
async function within(promise, ms) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const late = new Promise((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  try {
    return /** @type {T | null} */ (await Promise.race([promise, late]));
  } finally {
    clearTimeout(timer);
  }
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
