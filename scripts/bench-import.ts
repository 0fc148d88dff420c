// `npm run bench:import [-- --count N]`: imports N synthetic documents (default 10,000) from files
// into a fresh SQLite database and a fresh PostgreSQL database; prints documents per second.
// `npm run bench:import -- --wxr N`: imports a synthetic WordPress export of N posts (streamed) into a
// fresh SQLite database; prints the time, the file's size and the process's peak memory.
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { importFiles } from "@/lib/import/run";
import { runArchiveImport } from "@/lib/import/run-archive";
import { readWxr } from "@/lib/import/wxr";
import { createScratchDb } from "@/test/support/scratch-db";
import { syntheticDocuments } from "@/test/support/synthetic";
import { writeSyntheticWxr } from "@/test/support/synthetic-wxr";

const countArg = process.argv.indexOf("--count");
const count = countArg > 0 ? Number(process.argv[countArg + 1]) : 10_000;
const pgUrl = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function wxrBenchmark(posts: number) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "byline-bench-wxr-"));
  const file = path.join(dir, "export.xml");
  await writeSyntheticWxr(file, posts);
  const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  const rssBefore = process.resourceUsage().maxRSS * 1024;
  const scratch = await createScratchDb("sqlite");
  try {
    const started = performance.now();
    const { total, stories } = await readWxr(file);
    const summary = await runArchiveImport(scratch.db, stories, {
      dryRun: false,
      updateChanged: false,
      auditLabel: "import",
      label: "posts",
      total,
      log: () => {},
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `WXR, sqlite: ${summary.imported} of ${posts} posts imported (failed ${summary.failed}) from a ${megabytes(statSync(file).size)} file ` +
        `in ${seconds.toFixed(1)} s = ${(summary.imported / seconds).toFixed(0)} posts/s; peak memory ${megabytes(process.resourceUsage().maxRSS * 1024)} ` +
        `(${megabytes(rssBefore)} before the import)`,
    );
  } finally {
    await scratch.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const wxrArg = process.argv.indexOf("--wxr");
  if (wxrArg > 0) return wxrBenchmark(Number(process.argv[wxrArg + 1]) || 50_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), "byline-bench-"));
  const files = syntheticDocuments(count).map((text, i) => {
    const file = path.join(dir, `${String(i).padStart(6, "0")}.txt`);
    writeFileSync(file, text);
    return file;
  });
  console.log(`import benchmark: ${count} synthetic documents, ${os.cpus().length} cores, node ${process.version}`);
  for (const engine of ["sqlite", "postgresql"] as const) {
    const scratch = await createScratchDb(engine === "sqlite" ? "sqlite" : pgUrl);
    try {
      const started = performance.now();
      const summary = await importFiles(scratch.db, files, { log: () => {} });
      const seconds = (performance.now() - started) / 1000;
      const links = await scratch.db.relatedLink.count();
      const resolved = await scratch.db.relatedLink.count({ where: { targetArticleId: { not: null } } });
      console.log(
        `${engine.padEnd(10)} imported ${summary.imported}, failed ${summary.failed} in ${seconds.toFixed(1)} s = ${(summary.imported / seconds).toFixed(0)} documents/s ` +
          `(${links} related links, ${resolved} resolved)`,
      );
    } finally {
      await scratch.drop();
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
