// `npm run bench:admin [-- --articles N]`: the workspace at scale. Builds a scratch database per
// engine with N articles (default 100,000), 20,000 authors and about 10 related links per article
// (1,000,000 at the default), then times the article list (each sort), headline search, related-link
// suggestions and the related-links report as server time (the lib/ functions the pages call).
// `-- --keep` keeps the databases it builds and prints their URLs; BENCH_DB_URL=<url> times an
// existing one instead of building (for trying an index without waiting for the build again);
// with `--fill` it first adds what that database lacks of the N articles (resuming a build).
import os from "node:os";
import { parseDocument } from "@/lib/import/parse";
import { importDocuments } from "@/lib/import/import";
import { createDb, engineOf } from "@/lib/db";
import { plannerStatisticsKeeper } from "@/lib/db-bulk";
import { createScratchDb, type ScratchDb } from "@/test/support/scratch-db";
import { syntheticDocuments } from "@/test/support/synthetic";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ARTICLES = arg("--articles", 100_000);
const AUTHORS = arg("--authors", 20_000);
const RUNS = 20;
const pgServer = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function timed(fn: () => Promise<unknown>) {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(RUNS * 0.5)], p95: samples[Math.floor(RUNS * 0.95)] };
}

async function main() {
  console.log(
    `workspace at scale: ${ARTICLES.toLocaleString("en")} articles, ${AUTHORS.toLocaleString("en")} authors; ${os.cpus().length} cores; ${RUNS} runs each`,
  );
  const existing = process.env.BENCH_DB_URL;
  const engines = existing ? [engineOf(existing)] : (process.env.BENCH_ENGINES ?? "sqlite,postgresql").split(",");
  for (const engine of engines) {
    const scratch: ScratchDb = existing
      ? { db: createDb(existing), url: existing, drop: async () => {} }
      : await createScratchDb(engine === "sqlite" ? "sqlite" : pgServer);
    process.env.DATABASE_URL = scratch.url;
    const started = performance.now();
    const BATCH = 500;
    // As the bulk importers do: without it PostgreSQL planned every batch as if the tables were empty.
    const keepStatistics = plannerStatisticsKeeper(scratch.db);
    const resumeAt =
      existing && process.argv.includes("--fill")
        ? Math.floor((await scratch.db.article.count()) / BATCH) * BATCH
        : existing
          ? ARTICLES
          : 0;
    for (let i = resumeAt; i < ARTICLES; i += BATCH) {
      const texts = syntheticDocuments(Math.min(BATCH, ARTICLES - i), 1000 + i, AUTHORS).map((t, k) =>
        t.replace(/^(First Published: .*\n\n\n.*?)(\n)/, `$1 ${i + k}$2`),
      );
      const docs = texts.map((t) => {
        const parsed = parseDocument(t, "x");
        if (!parsed.ok) throw new Error(parsed.error);
        return parsed.document;
      });
      await importDocuments(scratch.db, docs);
      await keepStatistics(i + docs.length - resumeAt);
    }
    // Statistics for the planner, as autovacuum gathers them on a live PostgreSQL server (SQLite's
    // are refreshed when lib/db.ts opens the database).
    if (engine === "postgresql") await scratch.db.$executeRawUnsafe("VACUUM ANALYZE");
    const [articles, authors, links] = await Promise.all([
      scratch.db.article.count(),
      scratch.db.author.count(),
      scratch.db.relatedLink.count(),
    ]);
    const built =
      existing && resumeAt >= ARTICLES ? "existing database" : `built in ${((performance.now() - started) / 1000).toFixed(0)} s`;
    console.log(
      `\n${engine}: ${articles.toLocaleString("en")} articles, ${authors.toLocaleString("en")} authors, ${links.toLocaleString("en")} related links (${built})`,
    );

    const { listArticlesForAdmin } = await import("@/lib/articles/queries");
    const { suggestionsFor, listLinkProblems, candidatesForLabel } = await import("@/lib/related-links/queries");
    const { startSession } = await import("@/lib/auth/sessions");
    const { searchPublishedArticles } = await import("@/lib/articles/reader");
    // The workspace reads as an editor would make them, each checking its actor first.
    const editor = await scratch.db.user.upsert({
      where: { email: "bench-editor@example.test" },
      create: { email: "bench-editor@example.test", role: "EDITOR", passwordHash: "x" },
      update: {},
      select: { id: true },
    });
    const actor = { sessionId: await startSession(editor.id) };
    const sample = await scratch.db.article.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } });
    const author = await scratch.db.author.findFirstOrThrow({ select: { id: true } });
    const rows: [string, () => Promise<unknown>][] = [
      ["article list, by last update", () => listArticlesForAdmin(actor, {})],
      ["article list, by headline, page 500", () => listArticlesForAdmin(actor, { sort: "headline", page: 500 })],
      ["article list, filtered by author", () => listArticlesForAdmin(actor, { author: author.id })],
      ["headline search “army border”", () => listArticlesForAdmin(actor, { q: "army border" })],
      ["related-link suggestions for an article", () => suggestionsFor(actor, sample.id)],
      ["candidates for an unresolved label", () => candidatesForLabel(actor, "Government army talks border", sample.id, 5)],
      ["related-links report, unresolved, page 1", () => listLinkProblems(actor, "unresolved", 1)],
      ["related-links report, external, page 1", () => listLinkProblems(actor, "external", 1)],
      // Readers' search (no actor): a word in most of the archive, two common words, a later page.
      ["reader search, common word “government”", () => searchPublishedArticles("government", 1)],
      ["reader search “army border”", () => searchPublishedArticles("army border", 1)],
      ["reader search “election”, page 50", () => searchPublishedArticles("election", 50)],
    ];
    console.log(`| ${engine} operation | p50 ms | p95 ms |\n| --- | ---: | ---: |`);
    for (const [name, fn] of rows) {
      const t = await timed(fn);
      console.log(`| ${name} | ${t.p50.toFixed(1)} | ${t.p95.toFixed(1)} |`);
    }
    if (process.argv.includes("--keep")) console.log(`kept: BENCH_DB_URL=${scratch.url}`);
    else await scratch.drop();
    // The next engine gets its own app clients, the readers' included (lib/db.ts builds them on
    // first use); keeping the readers' one ran the second engine's reader search on the first's.
    Object.assign(globalThis, { bylineDb: undefined, bylineReplicas: undefined, bylineReaderDb: undefined });
  }
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
