// `npm run import:wxr -- <export.xml> [--media <wp-content/uploads folder>] [--dry-run]`: imports a
// WordPress export's posts and pages, streaming the file; prints progress, one line per skipped, failed
// or altered story, and a summary; exits 1 if any story failed. A second run imports nothing.
import { db } from "@/lib/db";
import { runArchiveImport } from "@/lib/import/run-archive";
import { readWxr } from "@/lib/import/wxr";
import { archiveArgs } from "./archive-cli";
import { runCli } from "./cli";

async function main() {
  const args = archiveArgs("npm run import:wxr -- <export.xml> [--media <folder>] [--dry-run]");
  if (!args) return 2;
  const { total, stories } = await readWxr(args.file, { mediaDir: args.mediaDir });
  const summary = await runArchiveImport(db, stories, {
    dryRun: args.dryRun,
    updateChanged: false,
    auditLabel: "import",
    label: "WordPress posts",
    total,
  });
  return summary.failed > 0 ? 1 : 0;
}

runCli(main);
