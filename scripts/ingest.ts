// `npm run ingest -- <feed URL | file | folder> [--publish] [--name NAME] [--author NAME] [--dry-run]`:
// takes wire copy in once: RSS, Atom and ninjs items become drafts (or live stories with --publish),
// a newer version of an item updates its story; Byline's plain-text documents in a folder are imported
// as `npm run import` does. `npm run ingest -- --sources` polls every configured source that is due.
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { db } from "@/lib/db";
import { importFiles } from "@/lib/import/run";
import { fetchFeed } from "@/lib/ingest/fetch";
import { ingestBody } from "@/lib/ingest/poll";
import { pollDueSources } from "@/lib/ingest/schedule";
import { runCli } from "./cli";

const USAGE =
  "npm run ingest -- <feed URL | file | folder> [--publish] [--name NAME] [--author NAME] [--dry-run]\n       npm run ingest -- --sources";

async function main() {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: {
      publish: { type: "boolean", default: false },
      name: { type: "string" },
      author: { type: "string", default: "" },
      "dry-run": { type: "boolean", default: false },
      sources: { type: "boolean", default: false },
    },
    allowPositionals: true,
  });
  if (values.sources) {
    const polled = await pollDueSources(db, { log: console.log });
    console.log(`polled ${polled} source${polled === 1 ? "" : "s"}`);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(`usage: ${USAGE}`);
    return 2;
  }
  const [target] = positionals;
  const dryRun = values["dry-run"] ?? false;
  const settings = { publish: values.publish ?? false, defaultAuthor: values.author ?? "" };
  let failed = 0;
  if (/^https?:\/\//i.test(target)) {
    const name = values.name ?? new URL(target).hostname;
    failed += (await ingestBody(db, await fetchFeed(target), { ...settings, name }, { dryRun })).failed;
  } else {
    const info = await stat(target);
    const files = info.isDirectory()
      ? (await readdir(target, { recursive: true, withFileTypes: true }))
          .filter((e) => e.isFile())
          .map((e) => path.join(e.parentPath, e.name))
          .sort()
      : [target];
    const documents = files.filter((f) => f.endsWith(".txt"));
    if (documents.length) failed += (await importFiles(db, documents, { dryRun })).failed;
    for (const file of files.filter((f) => /\.(xml|rss|atom|json)$/i.test(f))) {
      console.log(`${file}:`);
      const name = values.name ?? path.basename(file).replace(/\.\w+$/, "");
      failed += (await ingestBody(db, await readFile(file, "utf8"), { ...settings, name }, { dryRun })).failed;
    }
  }
  return failed > 0 ? 1 : 0;
}

runCli(main);
