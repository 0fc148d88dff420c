import assert from "node:assert/strict";
import { after, test } from "node:test";
import { createClient } from "redis";
import { createSharedHandler } from "@/lib/cache-handler.mjs";

// The shared cache several instances serve from (lib/cache-handler.mjs), against the real Redis.
const redisUrl = process.env.REDIS_URL;
const skip = redisUrl ? false : "needs Redis (REDIS_URL)";
const client = createClient({ url: redisUrl });
const keyPrefix = `byline-test:${process.pid}-${Date.now().toString(36)}:`;

after(async () => {
  if (!client.isOpen) return;
  for await (const keys of client.scanIterator({ MATCH: `${keyPrefix}*` })) if (keys.length) await client.unlink(keys);
  await client.quit();
});

type Stored = Parameters<ReturnType<typeof createSharedHandler>["set"]>[1];

/** An entry as Next's cache hands it over (a data-cache entry): stored now, kept an hour. */
function entry(body: string, tags: string[]): Stored {
  const now = Date.now();
  const value = { kind: "FETCH", data: { body }, revalidate: 60 };
  return { value, lastModified: now, tags, lifespan: { expireAt: Math.floor(now / 1000) + 3600 } } as unknown as Stored;
}
const bodyOf = (cached: Stored | null | undefined) =>
  (cached?.value as { data?: { body?: string } } | null | undefined)?.data?.body ?? null;

test("an expired tag takes every entry carrying it out of the cache, on every instance, and nothing else", { skip }, async () => {
  await client.connect();
  const [instanceA, instanceB] = [
    createSharedHandler({ client, keyPrefix, timeoutMs: 1_000 }),
    createSharedHandler({ client, keyPrefix, timeoutMs: 1_000 }),
  ];
  await instanceA.set("api:ferry", entry("ferry v1", ["reader", "reader:article:ferry"]), {});
  await instanceA.set("api:tram", entry("tram v1", ["reader", "reader:article:tram"]), {});
  assert.equal(bodyOf(await instanceB.get("api:ferry", { implicitTags: [] })), "ferry v1");

  await new Promise((resolve) => setTimeout(resolve, 2)); // the expiry comes after the entry, as after any save
  await instanceB.revalidateTag("reader:article:ferry");
  assert.equal(await instanceA.get("api:ferry", { implicitTags: [] }), null, "the ferry entry expired");
  assert.equal(bodyOf(await instanceA.get("api:tram", { implicitTags: [] })), "tram v1", "the tram entry is untouched");

  // Stored again after the expiry, it is served again.
  await instanceA.set("api:ferry", entry("ferry v2", ["reader", "reader:article:ferry"]), {});
  assert.equal(bodyOf(await instanceB.get("api:ferry", { implicitTags: [] })), "ferry v2");

  // A page's path (an implicit tag) expires it the same way.
  await instanceA.set("/articles/ferry", entry("<h1>Ferry</h1>", []), {});
  await new Promise((resolve) => setTimeout(resolve, 2));
  await instanceB.revalidateTag("_N_T_/articles/ferry");
  assert.equal(await instanceA.get("/articles/ferry", { implicitTags: ["_N_T_/articles/ferry"] }), null);
});
