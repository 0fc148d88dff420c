import "server-only";
import type { Db } from "@/lib/db";
import { pollSource, type PollOptions } from "./poll";

/**
 * When each source is polled. With Redis (several instances), BullMQ holds one job scheduler per
 * source: every instance runs a worker, each interval's poll is one job taken by one of them, and a
 * job whose instance dies mid-poll is taken up again by another once its lock lapses. Without Redis
 * (SQLite, one instance) a timer in the server polls the sources that are due.
 */

const QUEUE = "byline-ingest";

export type ScheduleTiming = {
  /** How often the schedule is brought in line with the sources admins have set up. */
  syncMs: number;
  /** A poll not renewed for this long is taken to have died with its instance. */
  lockMs: number;
  /** A source's interval is in minutes of this length (tests shorten it). */
  minuteMs: number;
  /** The BullMQ queue's name (tests use their own). */
  queue: string;
};
const TIMING: ScheduleTiming = { syncMs: 30_000, lockMs: 30_000, minuteMs: 60_000, queue: QUEUE };

const isDue = (source: { lastPolledAt: Date | null; intervalMinutes: number }, now: Date, minuteMs = TIMING.minuteMs) =>
  !source.lastPolledAt || source.lastPolledAt.getTime() + source.intervalMinutes * minuteMs <= now.getTime();

/** Polls every enabled source whose interval has passed; the number polled. */
export async function pollDueSources(db: Db, options: PollOptions = {}): Promise<number> {
  const now = new Date();
  const sources = await db.ingestSource.findMany({
    where: { enabled: true },
    select: { id: true, lastPolledAt: true, intervalMinutes: true },
  });
  const due = sources.filter((s) => isDue(s, now));
  for (const source of due) await pollSource(db, source.id, options);
  return due.length;
}

let started = false;

/** Starts polling in this server process (instrumentation.ts); INGEST=off leaves it to another process. */
export async function startIngestScheduler(db: Db, timing: Partial<ScheduleTiming> = {}): Promise<() => Promise<void>> {
  if (started || process.env.INGEST === "off") return async () => {};
  started = true;
  const { syncMs, lockMs, minuteMs, queue: queueName } = { ...TIMING, ...timing };
  const log = (line: string) => console.log(`[ingest] ${line}`);
  if (!process.env.REDIS_URL) {
    const timer = setInterval(() => void pollDueSources(db, { log: () => {} }).catch((e: Error) => log(e.message)), syncMs);
    timer.unref();
    return async () => clearInterval(timer);
  }
  const [{ Queue, Worker }, { default: IORedis }] = await Promise.all([import("bullmq"), import("ioredis")]);
  const connection = () => new IORedis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
  const queue = new Queue(queueName, { connection: connection() });
  const worker = new Worker<{ sourceId: string }>(queueName, async (job) => void (await pollSource(db, job.data.sourceId)), {
    connection: connection(),
    concurrency: 1,
    lockDuration: lockMs,
    stalledInterval: lockMs,
  });
  // Without listeners, a Redis outage's connection errors would be thrown and end the server.
  queue.on("error", (error) => log(error.message));
  worker.on("error", (error) => log(error.message));
  const sync = async () => {
    const sources = await db.ingestSource.findMany({ where: { enabled: true }, select: { id: true, intervalMinutes: true } });
    const wanted = new Set(sources.map((s) => s.id));
    for (const source of sources) {
      await queue.upsertJobScheduler(
        source.id,
        { every: source.intervalMinutes * minuteMs },
        { name: "poll", data: { sourceId: source.id }, opts: { removeOnComplete: 100, removeOnFail: 100 } },
      );
    }
    for (const scheduler of await queue.getJobSchedulers())
      if (scheduler.key && !wanted.has(scheduler.key)) await queue.removeJobScheduler(scheduler.key);
  };
  const syncSafely = () => sync().catch((e: Error) => log(`could not update the schedule: ${e.message}`));
  await syncSafely();
  const timer = setInterval(() => void syncSafely(), syncMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await worker.close();
    await queue.close();
  };
}
