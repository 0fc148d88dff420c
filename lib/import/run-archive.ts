import "server-only";
import type { Db } from "@/lib/db";
import { plannerStatisticsKeeper } from "@/lib/db-bulk";
import { writeStories, type ArchiveStory, type SkippedEntry, type WriteOptions } from "./archive";
import { progressReporter } from "./progress";

export type ArchiveEntry = ArchiveStory | SkippedEntry;

export type ArchiveSummary = {
  imported: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
  warnings: number;
};

/** Stories written per transaction: large enough to amortise per-statement costs, small enough to lose little to a kill. */
const BATCH_SIZE = 100;

const isSkipped = (entry: ArchiveEntry): entry is SkippedEntry => "skipped" in entry;

/**
 * Writes what an importer reads, in batches, reporting progress and one line per story that was
 * skipped, failed or changed on the way. Each batch commits on its own, so a run that is killed
 * resumes where it stopped when run again: what was written is recognised by its origin's id.
 */
export async function runArchiveImport(
  db: Db,
  entries: AsyncIterable<ArchiveEntry> | Iterable<ArchiveEntry>,
  options: WriteOptions & { label: string; total: number | null; log?: (line: string) => void },
): Promise<ArchiveSummary> {
  const log = options.log ?? ((line: string) => console.log(line));
  const summary: ArchiveSummary = { imported: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0, warnings: 0 };
  const lines: string[] = [];
  const progress = progressReporter(options.label, options.total, { log });
  let done = 0;
  const keepStatistics = plannerStatisticsKeeper(db);
  let batch: ArchiveStory[] = [];
  const flush = async () => {
    for (const outcome of await writeStories(db, batch, options)) {
      const name = `"${outcome.story.headline}"`;
      if (outcome.status === "failed") {
        summary.failed++;
        lines.push(`failed: ${name}: ${outcome.reason}`);
        continue;
      }
      summary[outcome.status]++;
      if (options.dryRun && outcome.status !== "unchanged") {
        lines.push(
          `would ${outcome.status === "imported" ? "import" : "update"} ${name} (${outcome.story.status.toLowerCase()}) as /articles/${outcome.slug}`,
        );
      }
      if (outcome.status === "unchanged") {
        if (outcome.note) lines.push(`note: ${name}: ${outcome.note}`);
        continue;
      }
      for (const warning of outcome.story.warnings) {
        summary.warnings++;
        lines.push(`warning: ${name}: ${warning}`);
      }
    }
    done += batch.length;
    batch = [];
    progress.tick(done);
    if (!options.dryRun) await keepStatistics(done);
  };
  try {
    for await (const entry of entries) {
      if (isSkipped(entry)) {
        summary.skipped++;
        lines.push(`skipped: ${entry.skipped}: ${entry.reason}`);
        done++;
        continue;
      }
      batch.push(entry);
      if (batch.length === BATCH_SIZE) await flush();
    }
    if (batch.length > 0) await flush();
  } finally {
    progress.stop();
  }
  for (const line of lines) log(line);
  const verb = options.dryRun ? "would import" : "imported";
  log(
    `${verb} ${summary.imported}, ${options.dryRun ? "would update" : "updated"} ${summary.updated}, unchanged ${summary.unchanged}, ` +
      `skipped ${summary.skipped}, failed ${summary.failed}, warnings ${summary.warnings}`,
  );
  return summary;
}
