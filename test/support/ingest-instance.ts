// One Byline instance's wire polling and nothing else, for test/ingest-queue.test.ts: the scheduler
// with a short "minute", so that intervals pass in seconds.
import { createDb } from "@/lib/db";
import { startIngestScheduler } from "@/lib/ingest/schedule";

const db = createDb(process.env.DATABASE_URL!);
void startIngestScheduler(db, {
  minuteMs: Number(process.env.MINUTE_MS),
  lockMs: Number(process.env.LOCK_MS),
  syncMs: Number(process.env.SYNC_MS),
  queue: process.env.QUEUE,
}).then(() => console.log("ready"));
