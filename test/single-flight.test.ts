import assert from "node:assert/strict";
import { test } from "node:test";
import { singleFlight } from "@/lib/single-flight";

const later = <T>(value: T, ms = 20) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

test("readers missing the same entry at once share one read; a later miss reads again", async () => {
  const flight = singleFlight();
  let reads = 0;
  const read = () => flight.run("front", () => later(++reads));
  assert.deepEqual(await Promise.all([read(), read(), read()]), [1, 1, 1]);
  assert.equal(await read(), 2, "a read after the shared one finished is a read of its own");
});

test("after a change, a read does not join one that started before it", async () => {
  const flight = singleFlight();
  let reads = 0;
  const before = flight.run("article", () => later(`old ${++reads}`, 40));
  flight.forget();
  const after = flight.run("article", () => later(`new ${++reads}`));
  assert.deepEqual(await Promise.all([before, after]), ["old 1", "new 2"]);
  assert.equal(await flight.run("article", () => later("third")), "third", "the old read, ending last, left no stale entry");
});

test("after a change to some data, only reads of that data start afresh", async () => {
  const flight = singleFlight();
  let reads = 0;
  const article = () => flight.run("article a", () => later(`article ${++reads}`, 40), ["reader", "article:a"]);
  const front = () => flight.run("front", () => later(`front ${++reads}`, 40), ["reader", "front"]);
  const [articleBefore, frontBefore] = [article(), front()];
  flight.forget(["article:a"]);
  assert.deepEqual(await Promise.all([articleBefore, frontBefore, article(), front()]), ["article 1", "front 2", "article 3", "front 2"]);
  const [articleAgain, frontAgain] = [article(), front()];
  flight.forget(["reader"]);
  assert.deepEqual(await Promise.all([articleAgain, frontAgain, article(), front()]), ["article 4", "front 5", "article 6", "front 7"]);
});

test("a failed read is shared by those waiting on it, and the next one tries again", async () => {
  const flight = singleFlight();
  const failing = () => flight.run("feed", () => later(null).then(() => Promise.reject(new Error("database down"))));
  const results = await Promise.allSettled([failing(), failing()]);
  assert.deepEqual(
    results.map((r) => r.status),
    ["rejected", "rejected"],
  );
  assert.equal(await flight.run("feed", () => later("recovered")), "recovered");
});
