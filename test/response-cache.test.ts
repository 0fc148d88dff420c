// server.mjs's response cache in front of a real HTTP server whose answers each test chooses: what
// it keeps, for how long, for whom, and what it must never keep or mix up.
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach, test } from "node:test";
import { gzipSync } from "node:zlib";
import { createResponseCache, purgedEverywhere } from "@/lib/response-cache.mjs";
import { DATA_TAGS_HEADER, dataTagsHeader, READER_CACHE_CONTROL } from "@/lib/cache-settings.js";
import { READER_TAG } from "@/lib/reader-tags";

/** How Next marks a page it regenerates (incremental static regeneration). */
const NEXT_PAGE = { "x-nextjs-cache": "HIT", "Content-Type": "text/html; charset=utf-8" };

type Answer = { status?: number; headers?: Record<string, string>; body?: string; delayMs?: number; pauseMidwayMs?: number };
let answerOf: (req: http.IncomingMessage) => Answer;
let calls: string[];
let cache: ReturnType<typeof createResponseCache>;
let server: http.Server;
let port: number;

before(async () => {
  server = http.createServer(
    (req, res) =>
      void cache.handle(req, res, async () => {
        calls.push(`${req.method} ${req.url}`);
        const { status = 200, headers = {}, body = "", delayMs = 0, pauseMidwayMs = 0 } = answerOf(req);
        if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
        const gzip = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
        res.setHeader("Vary", "Accept-Encoding");
        if (gzip) res.setHeader("Content-Encoding", "gzip");
        res.writeHead(status);
        // Written in two parts, as a streamed page is.
        const bytes = gzip ? gzipSync(body) : Buffer.from(body);
        res.write(bytes.subarray(0, 10));
        if (pauseMidwayMs) await new Promise((r) => setTimeout(r, pauseMidwayMs));
        res.end(req.method === "HEAD" ? undefined : bytes.subarray(10));
      }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
after(() => server.close());
beforeEach(() => {
  cache = createResponseCache();
  calls = [];
  answerOf = (req) => ({ headers: { "Cache-Control": READER_CACHE_CONTROL, ETag: '"v1"' }, body: `page at ${req.url}` });
});

function get(path: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("a reader page is answered once by the server, then from memory, for its second", async () => {
  const first = await get("/articles/a");
  const second = await get("/articles/a");
  assert.equal(first.headers["x-byline-cache"], "MISS");
  assert.equal(second.headers["x-byline-cache"], "HIT");
  assert.equal(second.body.toString(), "page at /articles/a");
  assert.equal(second.headers["cache-control"], READER_CACHE_CONTROL);
  assert.equal(second.headers["content-length"], String("page at /articles/a".length));
  assert.deepEqual(calls, ["GET /articles/a"]);

  await new Promise((r) => setTimeout(r, 1_100));
  assert.equal((await get("/articles/a")).headers["x-byline-cache"], "MISS", "s-maxage=1: a second later, the server answers again");
  assert.equal(calls.length, 2);
});

test("past its second, a kept answer serves the readers arriving while one reader's request renews it; after a purge they wait for the new one", async () => {
  let version = 1;
  answerOf = (req) => ({
    headers: { "Cache-Control": READER_CACHE_CONTROL },
    body: `v${version} of ${req.url}`,
    delayMs: version > 1 ? 200 : 0,
  });
  await get("/articles/busy");
  await new Promise((r) => setTimeout(r, 1_100));
  version = 2;
  const renewing = get("/articles/busy");
  await new Promise((r) => setTimeout(r, 30));
  // Served the kept answer, not held up until the renewal's: that one is v2.
  const meanwhile = await get("/articles/busy");
  assert.equal(meanwhile.headers["x-byline-cache"], "UPDATING");
  assert.equal(meanwhile.body.toString(), "v1 of /articles/busy");
  assert.equal((await renewing).body.toString(), "v2 of /articles/busy");
  assert.equal((await get("/articles/busy")).body.toString(), "v2 of /articles/busy");

  // A change makes the kept answer wrong, not old: nobody gets it once purged.
  cache.purge({ data: true });
  version = 3;
  const [first, second] = await Promise.all([get("/articles/busy"), get("/articles/busy")]);
  assert.deepEqual([first.body.toString(), second.body.toString()], ["v3 of /articles/busy", "v3 of /articles/busy"]);
  assert.equal(calls.length, 3);
});

test("a compressed answer is never served to a reader who did not ask for compression", async () => {
  const gzipped = await get("/articles/b", { "Accept-Encoding": "gzip" });
  const plain = await get("/articles/b");
  assert.equal(gzipped.headers["content-encoding"], "gzip");
  assert.equal(plain.headers["content-encoding"], undefined);
  assert.equal(plain.body.toString(), "page at /articles/b");
  assert.equal((await get("/articles/b", { "Accept-Encoding": "gzip" })).headers["x-byline-cache"], "HIT");
  assert.deepEqual(calls, ["GET /articles/b", "GET /articles/b"]);
});

test("a HEAD and a conditional request are answered from a kept page: headers only, and 304 for the same ETag", async () => {
  await get("/articles/c");
  const head = await get("/articles/c", {}, "HEAD");
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
  assert.equal(head.headers["x-byline-cache"], "HIT");
  const notModified = await get("/articles/c", { "If-None-Match": 'W/"v1"' });
  assert.equal(notModified.status, 304);
  assert.equal(notModified.headers.etag, '"v1"');
  assert.equal(notModified.body.length, 0);
  assert.equal((await get("/articles/c", { "If-None-Match": '"v0"' })).body.toString(), "page at /articles/c");
  assert.deepEqual(calls, ["GET /articles/c"]);
});

test("what is answered to one person, with a cookie, or not as a success is never kept", async () => {
  const answers: Record<string, Answer> = {
    "/admin": { headers: { "Cache-Control": "private, no-store" }, body: "workspace" },
    "/cookie": { headers: { "Cache-Control": READER_CACHE_CONTROL, "Set-Cookie": "session=secret" }, body: "with a cookie" },
    "/missing": { status: 404, headers: { "Cache-Control": READER_CACHE_CONTROL }, body: "not found" },
    "/plain": { headers: {}, body: "no caching said" },
    "/browser-only": { headers: { "Cache-Control": "public, max-age=60" }, body: "for browsers" },
  };
  answerOf = (req) => answers[req.url!];
  for (const path of Object.keys(answers)) {
    await get(path);
    assert.notEqual((await get(path)).headers["x-byline-cache"], "HIT", path);
  }
  assert.equal(calls.length, 10);
});

test("a signed-in editor, a Server Action and a client-side navigation always reach the server", async () => {
  await get("/articles/d");
  for (const headers of <Record<string, string>[]>[
    { Cookie: "theme=dark; __Secure-next-auth.session-token=abc" },
    { Authorization: "Bearer token" },
    { RSC: "1" },
    { "Next-Action": "abc" },
  ]) {
    const answer = await get("/articles/d", headers);
    assert.equal(answer.headers["x-byline-cache"], undefined, JSON.stringify(headers));
  }
  assert.equal(calls.length, 5);
  // Another cookie is not a session: the reader still gets the kept page.
  assert.equal((await get("/articles/d", { Cookie: "theme=dark" })).headers["x-byline-cache"], "HIT");
});

test("a reader's reload does not reach the server: Cache-Control from the request is not obeyed", async () => {
  await get("/articles/e");
  assert.equal((await get("/articles/e", { "Cache-Control": "no-cache", Pragma: "no-cache" })).headers["x-byline-cache"], "HIT");
  assert.equal(calls.length, 1);
});

test("after a purge the next reader gets the server's answer, and one begun before the purge is passed on but not kept", async () => {
  await get("/articles/f");
  cache.purge();
  assert.equal((await get("/articles/f")).headers["x-byline-cache"], "MISS");

  cache.purge();
  answerOf = (req) => ({ headers: { "Cache-Control": READER_CACHE_CONTROL }, body: `old ${req.url}`, delayMs: 100 });
  const inFlight = get("/articles/g");
  await new Promise((r) => setTimeout(r, 30));
  cache.purge();
  assert.equal((await inFlight).body.toString(), "old /articles/g");
  answerOf = (req) => ({ headers: { "Cache-Control": READER_CACHE_CONTROL }, body: `new ${req.url}` });
  assert.equal((await get("/articles/g")).body.toString(), "new /articles/g");
});

test("a purge drops the pages it names (the front page under both its addresses), with `data` everything that is not a page, and keeps the rest", async () => {
  // Next marks the pages it regenerates by path; feeds, the API and search are answered per request.
  const page = { "Cache-Control": READER_CACHE_CONTROL, ...NEXT_PAGE };
  answerOf = (req) => ({
    headers: req.url!.startsWith("/feed") || req.url!.startsWith("/search") ? { "Cache-Control": READER_CACHE_CONTROL } : page,
    body: `page at ${req.url}`,
  });
  const urls = ["/articles/edited", "/articles/other", "/", "/authors/a", "/feed.xml", "/search?q=a"];
  for (const url of urls) await get(url);

  cache.purge({ pages: ["/articles/edited"] });
  const missed = async () => {
    const answers = await Promise.all(urls.map(async (url) => [url, (await get(url)).headers["x-byline-cache"]] as const));
    return answers.filter(([, state]) => state === "MISS").map(([url]) => url);
  };
  assert.deepEqual(await missed(), ["/articles/edited"]);

  cache.purge({ data: true });
  assert.deepEqual(await missed(), ["/feed.xml", "/search?q=a"]);

  cache.purge({ pages: ["/page/1", "/authors/a"], data: true });
  assert.deepEqual(await missed(), ["/", "/authors/a", "/feed.xml", "/search?q=a"]);

  cache.purge();
  assert.deepEqual(await missed(), urls);
});

test("a purge naming data tags drops the answers built from that data, and those that did not say what they were built from", async () => {
  // Answers built per request from reader data say which (DATA_TAGS_HEADER); an edit to one story's
  // text expires that story's data and the dates, not the lists or the search index.
  const tagsOf: Record<string, string[] | undefined> = {
    "/api/articles": [READER_TAG],
    "/search?q=a": [READER_TAG],
    "/api/articles/edited": [READER_TAG, "reader:article:edited"],
    "/api/articles/other": [READER_TAG, "reader:article:other"],
    "/api/articles/caf%C3%A9": [READER_TAG, "reader:article:café"],
    "/sitemap.xml": [READER_TAG, "reader:dates"],
    "/news.xml": undefined,
  };
  answerOf = (req) => {
    const tags = tagsOf[req.url!];
    return {
      headers: { "Cache-Control": READER_CACHE_CONTROL, ...(tags ? { [DATA_TAGS_HEADER]: dataTagsHeader(tags) } : {}) },
      body: `at ${req.url}`,
    };
  };
  const urls = Object.keys(tagsOf);
  for (const url of urls) await get(url);
  const missed = async () => {
    const answers = await Promise.all(urls.map(async (url) => [url, (await get(url)).headers["x-byline-cache"]] as const));
    return answers.filter(([, state]) => state === "MISS").map(([url]) => url);
  };
  cache.purge({ pages: ["/articles/edited"], data: ["reader:article:edited", "reader:dates"] });
  assert.deepEqual(await missed(), ["/api/articles/edited", "/sitemap.xml", "/news.xml"]);
  cache.purge({ data: ["reader:article:café"] });
  assert.deepEqual(await missed(), ["/api/articles/caf%C3%A9", "/news.xml"]);
  cache.purge({ data: [READER_TAG] });
  assert.deepEqual(await missed(), urls);
});

test("a link's tracking parameters (utm_*, fbclid…) do not go around the cache; any other query string is another answer", async () => {
  // A story shared on a social network arrives with a different fbclid per reader.
  await get("/search?q=budget");
  for (const url of [
    "/search?q=budget&utm_source=newsletter&utm_medium=email",
    "/search?fbclid=IwAR0abc&q=budget",
    "/search?q=budget&gclid=xyz&_ga=1.2.3",
  ])
    assert.equal((await get(url)).headers["x-byline-cache"], "HIT", url);
  assert.equal((await get("/search?q=budget&page=2")).headers["x-byline-cache"], "MISS");
  assert.equal((await get("/search?q=Budget")).headers["x-byline-cache"], "MISS");
  assert.equal((await get("/search?utm_source=x")).headers["x-byline-cache"], "MISS", "/search is not /search?q=budget");
  assert.deepEqual(calls, ["GET /search?q=budget", "GET /search?q=budget&page=2", "GET /search?q=Budget", "GET /search?utm_source=x"]);
  // What reaches Next is what the reader asked for: only the cache's key leaves them out.
  assert.equal((await get("/search?q=other&utm_campaign=c")).body.toString(), "page at /search?q=other&utm_campaign=c");
});

test("a page Next regenerates is kept once for its path: any query string gets it, and purging the page drops it for all", async () => {
  answerOf = (req) => ({
    headers: { "Cache-Control": READER_CACHE_CONTROL, ...(req.url!.startsWith("/articles/") ? NEXT_PAGE : {}) },
    body: `page at ${req.url}`,
  });
  // A hostile client's made-up query strings reach Next once, not once each.
  await get("/articles/story?x=1");
  for (const url of ["/articles/story?x=2", "/articles/story", "/articles/story?ref=home&fbclid=abc"])
    assert.equal((await get(url)).body.toString(), "page at /articles/story?x=1", url);
  // The JSON API and search read their query strings: each is its own answer.
  await get("/api/articles?page=1");
  await get("/api/articles?page=2");
  assert.deepEqual(calls, ["GET /articles/story?x=1", "GET /api/articles?page=1", "GET /api/articles?page=2"]);

  cache.purge({ pages: ["/articles/story"] });
  assert.equal((await get("/articles/story?y=3")).headers["x-byline-cache"], "MISS");
  assert.equal((await get("/articles/story")).headers["x-byline-cache"], "HIT");

  // Its data as JSON is not the page (Next marks both).
  answerOf = () => ({
    headers: { "Cache-Control": READER_CACHE_CONTROL, "x-nextjs-cache": "HIT", "Content-Type": "application/json" },
    body: "{}",
  });
  await get("/articles/data?json=1");
  assert.equal((await get("/articles/data")).headers["x-byline-cache"], "MISS");
});

test("the data an answer was built from is this cache's bookkeeping: no reader receives it, kept or not", async () => {
  answerOf = (req) => ({
    headers: { "Cache-Control": READER_CACHE_CONTROL, [DATA_TAGS_HEADER]: dataTagsHeader([READER_TAG, "reader:article:secret-draft-id"]) },
    body: `at ${req.url}`,
  });
  const first = await get("/api/articles/x");
  const second = await get("/api/articles/x");
  assert.deepEqual([first.headers["x-byline-cache"], second.headers["x-byline-cache"]], ["MISS", "HIT"]);
  const signedIn = await get("/api/articles/x", { Cookie: "next-auth.session-token=abc" });
  const others = [await get("/api/articles/x", {}, "HEAD"), await get("/api/articles/y", { "If-None-Match": '"v0"' }), signedIn];
  for (const answer of [first, second, ...others]) assert.equal(answer.headers[DATA_TAGS_HEADER], undefined);
  // It still purges by them.
  cache.purge({ data: ["reader:article:secret-draft-id"] });
  assert.equal((await get("/api/articles/x")).headers["x-byline-cache"], "MISS");
});

test("an answer begun before a purge naming other pages is kept; one begun before a purge naming its own page is not", async () => {
  answerOf = (req) => ({
    headers: { "Cache-Control": READER_CACHE_CONTROL, ...NEXT_PAGE },
    body: `old ${req.url}`,
    delayMs: 100,
  });
  const [kept, dropped] = [get("/articles/kept"), get("/articles/dropped")];
  await new Promise((r) => setTimeout(r, 30));
  cache.purge({ pages: ["/articles/dropped"] });
  await Promise.all([kept, dropped]);
  answerOf = (req) => ({ headers: { "Cache-Control": READER_CACHE_CONTROL, ...NEXT_PAGE }, body: `new ${req.url}` });
  assert.equal((await get("/articles/kept")).body.toString(), "old /articles/kept");
  assert.equal((await get("/articles/dropped")).body.toString(), "new /articles/dropped");
});

test("readers asking at once for a page nobody has kept get one answer from the server between them", async () => {
  answerOf = (req) => ({ headers: { "Cache-Control": READER_CACHE_CONTROL }, body: `page at ${req.url}`, delayMs: 100 });
  const answers = await Promise.all(Array.from({ length: 10 }, () => get("/articles/popular")));
  assert.deepEqual(calls, ["GET /articles/popular"]);
  assert.ok(answers.every((a) => a.status === 200 && a.body.toString() === "page at /articles/popular"));
  assert.deepEqual(answers.map((a) => a.headers["x-byline-cache"]).sort(), [
    "HIT",
    "HIT",
    "HIT",
    "HIT",
    "HIT",
    "HIT",
    "HIT",
    "HIT",
    "HIT",
    "MISS",
  ]);

  // An answer that may not be kept is not shared: each reader gets their own from the server.
  answerOf = (req) => ({
    headers: { "Cache-Control": READER_CACHE_CONTROL, "Set-Cookie": "a=b" },
    body: `for one at ${req.url}`,
    delayMs: 100,
  });
  await Promise.all(Array.from({ length: 3 }, () => get("/articles/personal")));
  assert.equal(calls.filter((call) => call === "GET /articles/personal").length, 3);
});

test("a reader who reads slowly does not hold up the readers waiting for the same page", async () => {
  // Bigger than the sockets' buffers: the slow reader's answer cannot all be handed over until it reads.
  cache = createResponseCache({ maxEntryBytes: 32 * 1024 * 1024 });
  const big = "z".repeat(24 * 1024 * 1024);
  answerOf = () => ({ headers: { "Cache-Control": READER_CACHE_CONTROL }, body: big, delayMs: 100 });
  let slowResponse: http.IncomingMessage | undefined;
  const slow = http.request({ host: "127.0.0.1", port, path: "/articles/big" }, (res) => {
    slowResponse = res;
    res.pause();
  });
  slow.end();
  await new Promise((r) => setTimeout(r, 30));
  const other = await get("/articles/big");
  assert.equal(other.body.length, big.length);
  assert.equal(other.headers["x-byline-cache"], "HIT", "answered from the slow reader's answer, not after waiting for it");
  assert.deepEqual(calls, ["GET /articles/big"]);
  slowResponse?.destroy();
  slow.destroy();
});

test("a reader who hangs up mid-answer leaves no cut-off page behind", async () => {
  answerOf = () => ({ headers: { "Cache-Control": READER_CACHE_CONTROL }, body: "a long story, told slowly", pauseMidwayMs: 150 });
  await new Promise<void>((resolve) => {
    const req = http.request({ host: "127.0.0.1", port, path: "/articles/slow" }, (res) =>
      res.once("data", () => {
        req.destroy();
        resolve();
      }),
    );
    req.end();
  });
  await new Promise((r) => setTimeout(r, 300));
  const next = await get("/articles/slow");
  assert.equal(next.headers["x-byline-cache"], "MISS");
  assert.equal(next.body.toString(), "a long story, told slowly");
});

test("a hostile client cannot make it keep more than its limits: each page at most a megabyte, all of them a set size", async () => {
  cache = createResponseCache({ maxBytes: 64 * 1024, maxEntryBytes: 16 * 1024 });
  answerOf = (req) => ({
    headers: { "Cache-Control": READER_CACHE_CONTROL },
    body: req.url === "/huge" ? "x".repeat(20_000) : "y".repeat(1_000),
  });
  await get("/huge");
  assert.equal((await get("/huge")).body.length, 20_000);
  assert.deepEqual(calls, ["GET /huge", "GET /huge"], "a page over the entry limit is passed on whole, not kept");
  for (let i = 0; i < 200; i++) await get(`/search?q=${i}`);
  assert.ok(cache.size <= (64 * 1024) / 2_000, `kept ${cache.size} pages within 64 KB`);
  assert.equal((await get("/x".repeat(2_000))).headers["x-byline-cache"], undefined, "an absurd URL is not a key");
});

test(
  "with Redis, a change on one instance purges every instance's cache",
  { skip: !process.env.REDIS_URL && "needs REDIS_URL" },
  async () => {
    const other = createResponseCache();
    const here = purgedEverywhere(cache, process.env.REDIS_URL!);
    const there = purgedEverywhere(other, process.env.REDIS_URL!);
    try {
      await get("/articles/h");
      assert.equal(cache.size, 1);
      // The other instance changes something (its subscription may still be connecting: ask again).
      for (let tries = 0; tries < 100 && cache.size > 0; tries++) {
        await there();
        await new Promise((r) => setTimeout(r, 20));
      }
      assert.equal(cache.size, 0, "this instance dropped its copy when the other purged");
      assert.equal((await get("/articles/h")).headers["x-byline-cache"], "MISS");

      // A purge naming pages names them on the other instance too.
      answerOf = (req) => ({ headers: { "Cache-Control": READER_CACHE_CONTROL, ...NEXT_PAGE }, body: `page at ${req.url}` });
      await get("/articles/i");
      await get("/articles/j");
      await there({ pages: ["/articles/j"] });
      for (let tries = 0; tries < 100 && cache.size > 2; tries++) await new Promise((r) => setTimeout(r, 20));
      assert.equal((await get("/articles/i")).headers["x-byline-cache"], "HIT");
      assert.equal((await get("/articles/j")).headers["x-byline-cache"], "MISS");

      // And one naming data tags names them there too.
      answerOf = (req) => ({
        headers: { "Cache-Control": READER_CACHE_CONTROL, [DATA_TAGS_HEADER]: dataTagsHeader([READER_TAG, `reader:article:${req.url}`]) },
        body: `at ${req.url}`,
      });
      await get("/api/k");
      await get("/api/l");
      const before = cache.size;
      await there({ data: ["reader:article:/api/l"] });
      for (let tries = 0; tries < 100 && cache.size === before; tries++) await new Promise((r) => setTimeout(r, 20));
      assert.equal((await get("/api/k")).headers["x-byline-cache"], "HIT");
      assert.equal((await get("/api/l")).headers["x-byline-cache"], "MISS");
    } finally {
      await Promise.all([here.close(), there.close()]);
    }
  },
);
