// `npm run bench:shared-cache [-- --entries N]` (needs REDIS_URL): what one tag expiry costs the
// server with N entries in the shared cache, the library's own revalidateTag against Byline's
// (lib/cache-handler.mjs). A live article's save expires two tags. Prints figures; asserts none.
import { parseArgs } from "node:util";
import { createClient } from "redis";
import createRedisHandler from "@fortedigital/nextjs-cache-handler/redis-strings";
import { createSharedHandler } from "@/lib/cache-handler.mjs";

const { values } = parseArgs({ options: { entries: { type: "string", default: "100000" } } });
const entries = Number(values.entries);
const ROUNDS = 5;

async function main() {
  if (!process.env.REDIS_URL) throw new Error("bench:shared-cache needs REDIS_URL");
  const client = createClient({ url: process.env.REDIS_URL });
  await client.connect();
  // The library types its client for RESP2 only; the commands it sends are the same.
  const handlerClient = client as unknown as Parameters<typeof createRedisHandler>[0]["client"];
  const keyPrefix = `byline-bench:${process.pid}:`;
  try {
    // The indexes the handler keeps beside the entries: every cached page's tags and lifetime.
    const expireAt = String(Math.floor(Date.now() / 1000) + 3600);
    const tags: Record<string, string> = {};
    const lifetimes: Record<string, string> = {};
    for (let i = 0; i < entries; i++) {
      const path = `/articles/story-${i}`;
      tags[path] = JSON.stringify(["_N_T_/layout", "_N_T_/articles/[slug]/page", `_N_T_${path}`]);
      lifetimes[path] = expireAt;
    }
    await client.hSet(`${keyPrefix}__sharedTags__`, tags);
    await client.hSet(`${keyPrefix}__sharedTagsTtl__`, lifetimes);

    const handlers = {
      "library's revalidateTag": createRedisHandler({ client: handlerClient, keyPrefix, timeoutMs: 60_000 }),
      "Byline's revalidateTag": createSharedHandler({ client, keyPrefix, timeoutMs: 60_000 }),
    };
    console.log(`${entries.toLocaleString("en")} entries in the shared cache, median of ${ROUNDS} expiries of one tag:`);
    const medians: number[] = [];
    for (const [name, handler] of Object.entries(handlers)) {
      // Byline's first expiry starts the once-a-minute sweep in the background: measured apart.
      await handler.revalidateTag("reader:warm-up");
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const cpu: number[] = [];
      const wall: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const [cpuBefore, started] = [process.cpuUsage(), performance.now()];
        await handler.revalidateTag(`reader:article:story-${round}`);
        const used = process.cpuUsage(cpuBefore);
        wall.push(performance.now() - started);
        cpu.push((used.user + used.system) / 1000);
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      medians.push(median(cpu));
      console.log(
        `  ${name.padEnd(24)} ${median(wall).toFixed(1).padStart(8)} ms wall ${median(cpu).toFixed(1).padStart(8)} ms of this process's CPU`,
      );
    }
    console.log(`  ratio (library ÷ Byline, CPU): ${(medians[0] / Math.max(medians[1], 0.01)).toFixed(0)}×`);
  } finally {
    for await (const keys of client.scanIterator({ MATCH: `${keyPrefix}*` })) if (keys.length) await client.unlink(keys);
    await client.quit();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
