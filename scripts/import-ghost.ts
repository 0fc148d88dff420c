// `npm run import:ghost -- <export.json> [--media <content/images folder>] [--dry-run]`: imports a
// Ghost export's posts and pages; prints progress, one line per skipped, failed or altered story, and
// a summary; exits 1 if any story failed. A second run imports nothing.
import { readFile } from "node:fs/promises";
import { db } from "@/lib/db";
import { ghostStories, parseGhostExport } from "@/lib/import/ghost";
import { runArchiveImport } from "@/lib/import/run-archive";
import { archiveArgs } from "./archive-cli";
import { runCli } from "./cli";

async function main() {
  const args = archiveArgs("npm run import:ghost -- <export.json> [--media <folder>] [--dry-run]");
  if (!args) return 2;
  const data = parseGhostExport(await readFile(args.file, "utf8"));
  const summary = await runArchiveImport(db, ghostStories(data, { mediaDir: args.mediaDir }), {
    dryRun: args.dryRun,
    updateChanged: false,
    auditLabel: "import",
    label: "Ghost posts",
    total: data.posts.length,
  });
  return summary.failed > 0 ? 1 : 0;
}

runCli(main);
