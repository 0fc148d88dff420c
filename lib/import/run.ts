import "server-only";
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/db";
import { importDocument } from "./import";
import { parseDocument } from "./parse";

export type ImportSummary = { imported: number; unchanged: number; failed: number; errors: string[] };

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

/** Imports the files one transaction each; a bad document is reported and skipped, never half-written. */
export async function importFiles(
  db: Db,
  files: string[],
  { dryRun = false, log = (line: string) => console.log(line) } = {},
): Promise<ImportSummary> {
  const summary: ImportSummary = { imported: 0, unchanged: 0, failed: 0, errors: [] };
  for (const file of files) {
    const parsed = parseDocument(await readFile(file, "utf8"), file);
    if (!parsed.ok) {
      summary.failed++;
      summary.errors.push(parsed.error);
      log(`error: ${parsed.error}`);
      continue;
    }
    try {
      if (dryRun) {
        const known = await db.article.findUnique({ where: { importHash: parsed.document.hash }, select: { id: true } });
        summary[known ? "unchanged" : "imported"]++;
        continue;
      }
      const outcome = await importDocument(db, parsed.document);
      summary[outcome.status]++;
    } catch (error) {
      summary.failed++;
      const message = `${file}: ${(error as Error).message.split("\n").filter(Boolean).pop()}`;
      summary.errors.push(message);
      log(`error: ${message}`);
    }
  }
  return summary;
}
