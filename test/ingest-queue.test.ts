import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { engineOf } from "@/lib/db";
import { createScratchDb, type ScratchDb } from "@/test/support/scratch-db";

// Two instances polling the same wires through BullMQ on Redis, against PostgreSQL: each interval's
// poll happens once, on one of them, and when the instance polling dies mid-poll the other takes
// the poll over. A "minute" lasts 2 s here, so intervals pass in seconds.

const pgUrl = process.env.DATABASE_URL && engineOf(process.env.DATABASE_URL) === "postgresql" ? process.env.DATABASE_URL : null;
const redisUrl = process.env.REDIS_URL;
const skip = !pgUrl || !redisUrl ? "needs PostgreSQL (DATABASE_URL) and Redis (REDIS_URL)" : false;

const MINUTE_MS = 2000;
let t: ScratchDb;
let server: Server;
let feedUrl: string;
const polls: { at: number; pid: number }[] = [];
/** The request the test holds open, to kill its instance mid-poll. */
let held: { pid: number; response: ServerResponse } | null = null;
let holdNext = false;
const instances = new Map<number, ChildProcess>();
// Named by the process, not randomly: the module may be evaluated twice under the test runner.
const queue = `byline-ingest-test-${process.pid}`;

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Queue wire</title>
  <item><title>Queue test story</title><guid>queue-1</guid><description>Once only.</description></item></channel></rss>`;

function startInstance(queue: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "test/support/ingest-instance.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: t.url,
      REDIS_URL: redisUrl,
      MINUTE_MS: String(MINUTE_MS),
      LOCK_MS: "1500",
      SYNC_MS: "1000",
      QUEUE: queue,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  instances.set(child.pid!, child);
  return new Promise((resolve) => child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve(child)));
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

before(async () => {
  if (skip) return;
  t = await createScratchDb(pgUrl!);
  server = createServer((req, res) => {
    const pid = Number(/pid (\d+)/.exec(req.headers["user-agent"] ?? "")?.[1]);
    polls.push({ at: Date.now(), pid });
    if (holdNext) {
      holdNext = false;
      held = { pid, response: res };
      return;
    }
    res.writeHead(200, { "Content-Type": "application/rss+xml" });
    res.end(FEED);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wire`;
});
after(async () => {
  await Promise.all(
    [...instances.values()].map((child) => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      return child.exitCode === null ? exited : Promise.resolve();
    }),
  );
  held?.response.destroy();
  server?.close();
  if (!skip) {
    // The test's own queue, scheduler included, leaves nothing behind in Redis.
    const { default: IORedis } = await import("ioredis");
    const redis = new IORedis(redisUrl!);
    const keys = await redis.keys(`bull:${queue}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  }
  await t?.drop();
});

test(
  "each interval's poll happens once across two instances, and moves to the other when the polling one dies",
  { skip, timeout: 60_000 },
  async () => {
    // Named by the process, not randomly: the module may be evaluated twice under the test runner.
    const queue = `byline-ingest-test-${process.pid}`;
    await t.db.ingestSource.create({ data: { name: "Queue wire", url: feedUrl, intervalMinutes: 1 } });
    await Promise.all([startInstance(queue), startInstance(queue)]);

    // Five intervals with both alive: about one poll each, never two in the same interval.
    await wait(5 * MINUTE_MS + 500);
    const steady = [...polls];
    assert.ok(steady.length >= 3 && steady.length <= 6, `${steady.length} polls in 5 intervals`);
    for (let i = 1; i < steady.length; i++) assert.ok(steady[i].at - steady[i - 1].at > MINUTE_MS / 2, "two polls in one interval");

    // The next poll hangs; its instance is killed while polling.
    holdNext = true;
    const deadline = Date.now() + 4 * MINUTE_MS;
    while (!held && Date.now() < deadline) await wait(100);
    assert.ok(held, "a poll started");
    const { pid: victim } = held!;
    instances.get(victim)!.kill("SIGKILL");
    instances.delete(victim);
    held!.response.destroy();
    const killedAt = Date.now();

    // The survivor takes that poll over, then keeps polling on its own.
    await wait(4 * MINUTE_MS);
    const [survivor] = instances.keys();
    const after = polls.filter((p) => p.at > killedAt);
    assert.ok(after.length >= 2, `${after.length} polls after the kill`);
    assert.ok(
      after.every((p) => p.pid === survivor),
      "only the surviving instance polls",
    );
    assert.equal(await t.db.article.count({ where: { externalId: "feed:queue-1" } }), 1, "the story was taken in once");
    const source = await t.db.ingestSource.findFirstOrThrow();
    assert.ok(source.lastPolledAt!.getTime() > killedAt, "the source records the survivor's polls");
  },
);
