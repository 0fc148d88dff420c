import { parseArgs } from "node:util";
import { existsSync, statSync } from "node:fs";

export type ArchiveArgs = { file: string; mediaDir: string | null; dryRun: boolean };

/** `<export> [--media <folder>] [--dry-run]`, checked before anything is read. */
export function archiveArgs(usage: string): ArchiveArgs | null {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: { media: { type: "string" }, "dry-run": { type: "boolean", default: false } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) {
    console.error(`usage: ${usage}`);
    return null;
  }
  const [file] = positionals;
  if (!existsSync(file)) throw new Error(`${file}: no such file`);
  if (values.media && !(existsSync(values.media) && statSync(values.media).isDirectory()))
    throw new Error(`${values.media}: no such folder`);
  return { file, mediaDir: values.media ?? null, dryRun: values["dry-run"] ?? false };
}
