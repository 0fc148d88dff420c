import "server-only";
import type { IngestSource } from "@/generated/sqlite/client";
import { invalidateReaderPages } from "@/lib/cache";
import type { Db } from "@/lib/db";
import { wireStories, parseWire } from "@/lib/import/feeds";
import { runArchiveImport, type ArchiveSummary } from "@/lib/import/run-archive";
import { fetchFeed } from "./fetch";

export type PollOptions = { dryRun?: boolean; log?: (line: string) => void };

/** Takes a wire body's items in: new ones become stories, newer versions update theirs. */
export async function ingestBody(
  db: Db,
  body: string,
  settings: Pick<IngestSource, "name" | "publish" | "defaultAuthor">,
  { dryRun = false, log }: PollOptions = {},
): Promise<ArchiveSummary> {
  const items = parseWire(body);
  return runArchiveImport(
    db,
    wireStories(items, {
      publish: settings.publish,
      defaultAuthor: settings.defaultAuthor || null,
      sourceName: settings.name,
      now: new Date(),
    }),
    { dryRun, updateChanged: true, auditLabel: `ingest: ${settings.name}`.slice(0, 100), label: settings.name, total: items.length, log },
  );
}

/**
 * Polls one source now and records how it went on the source (last poll, stories taken, the
 * error if any), so the workspace can show it. Never throws for a feed's fault.
 */
export async function pollSource(db: Db, sourceId: string, options: PollOptions = {}): Promise<ArchiveSummary | null> {
  const source = await db.ingestSource.findUnique({ where: { id: sourceId } });
  if (!source) return null;
  try {
    const summary = await ingestBody(db, await fetchFeed(source.url), source, options);
    const taken = summary.imported + summary.updated;
    await db.ingestSource.update({
      where: { id: source.id },
      data: {
        lastPolledAt: new Date(),
        lastPollOk: summary.failed === 0,
        lastError: summary.failed ? `${summary.failed} items failed` : "",
        lastTaken: taken,
        totalTaken: { increment: taken },
      },
    });
    if (taken > 0 && source.publish) await invalidateReaderPages({ paths: ["/page/1", "/feed.xml"] });
    return summary;
  } catch (error) {
    await db.ingestSource.update({
      where: { id: source.id },
      data: { lastPolledAt: new Date(), lastPollOk: false, lastError: (error as Error).message.slice(0, 500), lastTaken: 0 },
    });
    options.log?.(`error: ${source.name}: ${(error as Error).message}`);
    return null;
  }
}
