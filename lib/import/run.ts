import "server-only";
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/db";
import { plannerStatisticsKeeper } from "@/lib/db-bulk";
import { importDocuments } from "./import";
import { parseDocument, type ParsedDocument } from "./parse";

export type ImportSummary = { imported: number; unchanged: number; failed: number; errors: string[] };

/** Documents written per transaction: large enough to amortise the per-statement cost. */
const BATCH_SIZE = 500;

/** Every .txt document named by the arguments: files as given, folders searched recursively, in name order. */
export async function collectDocuments(targets: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const target of targets) {
    const info = await stat(target);
    if (info.isDirectory()) {
      const entries = await readdir(target, { recursive: true, withFileTypes: true });
      files.push(
        ...entries
          .filter((e) => e.isFile() && e.name.endsWith(".txt"))
          .map((e) => path.join(e.parentPath, e.name))
          .sort(),
      );
    } else files.push(target);
  }
  return files;
}

/**
 * Imports the files in order. A bad document is reported and skipped; a batch that fails in the
 * database is retried document by document, so one bad row never costs the others and no
 * document is ever half-written.
 */
export async function importFiles(
  db: Db,
  files: string[],
  { dryRun = false, log = (line: string) => console.log(line) } = {},
): Promise<ImportSummary> {
  const summary: ImportSummary = { imported: 0, unchanged: 0, failed: 0, errors: [] };
  const fail = (message: string) => {
    summary.failed++;
    summary.errors.push(message);
    log(`error: ${message}`);
  };
  const write = async (batch: { file: string; document: ParsedDocument }[]) => {
    if (dryRun) {
      const hashes = batch.map((b) => b.document.hash);
      const known = await db.article.count({ where: { importHash: { in: hashes } } });
      summary.unchanged += known;
      summary.imported += new Set(hashes).size - known;
      summary.unchanged += batch.length - new Set(hashes).size;
      return;
    }
    try {
      for (const outcome of await importDocuments(
        db,
        batch.map((b) => b.document),
      ))
        summary[outcome.status]++;
    } catch (error) {
      if (batch.length === 1) return fail(`${batch[0].file}: ${(error as Error).message.split("\n").filter(Boolean).pop()}`);
      for (const one of batch) await write([one]);
    }
  };

  const keepStatistics = plannerStatisticsKeeper(db);
  let written = 0;
  let batch: { file: string; document: ParsedDocument }[] = [];
  for (const file of files) {
    const parsed = parseDocument(await readFile(file, "utf8"), file);
    if (!parsed.ok) fail(parsed.error);
    else batch.push({ file, document: parsed.document });
    if (batch.length === BATCH_SIZE) {
      await write(batch);
      if (!dryRun) await keepStatistics((written += batch.length));
      batch = [];
    }
  }
  if (batch.length > 0) await write(batch);
  return summary;
}
