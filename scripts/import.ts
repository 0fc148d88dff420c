// `npm run import -- <file|dir>… [--dry-run]` (and `npm run db:seed` for seeds/):
// imports news documents; prints one line per failure and a summary; exits 1 if any failed.
import { db } from "@/lib/db";
import { runCli } from "./cli";
import { collectDocuments, importFiles } from "@/lib/import/run";

async function main() {
  const args = process.argv.slice(2);
  const dryRun = args.includes("--dry-run");
  const targets = args.filter((a) => a !== "--dry-run");
  if (targets.length === 0) {
    console.error("usage: npm run import -- <file|dir>… [--dry-run]");
    return 2;
  }
  const started = performance.now();
  const files = await collectDocuments(targets);
  const summary = await importFiles(db, files, { dryRun });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const verb = dryRun ? "would import" : "imported";
  console.log(`${verb} ${summary.imported}, unchanged ${summary.unchanged}, failed ${summary.failed} (${files.length} files, ${seconds}s)`);
  return summary.failed > 0 ? 1 : 0;
}

runCli(main);
