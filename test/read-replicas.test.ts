import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { needsPostgres, postgresServer } from "@/test/support/engine";
import { createScratchDb, type ScratchDb } from "@/test/support/scratch-db";

// DATABASE_REPLICA_URLS: readers' queries go to a replica, the workspace and every write to the
// primary. Here the "replica" is a second database holding different rows (a stand-in that shows
// which server answered); replication itself is PostgreSQL's business.
test("replica URLs must be PostgreSQL URLs", async () => {
  const app = await import("@/lib/db");
  assert.deepEqual(app.replicaUrls(" postgresql://a/x , postgres://b/y ,"), ["postgresql://a/x", "postgres://b/y"]);
  assert.throws(() => app.replicaUrls("file:./replica.db"), /DATABASE_REPLICA_URLS/);
});

describe("with a replica on PostgreSQL", { skip: needsPostgres }, () => {
  let primary: ScratchDb;
  let replica: ScratchDb;
  let app: typeof import("@/lib/db");
  let search: typeof import("@/lib/search");

  async function publishedArticle(target: ScratchDb, headline: string) {
    return target.db.article.create({
      data: {
        slug: headline.toLowerCase().replace(/\W+/g, "-"),
        headline,
        headlineKey: headline.toLowerCase(),
        body: `${headline}. Harbour news.`,
        status: "PUBLISHED",
        publishedAt: new Date(Date.now() - 60_000),
      },
    });
  }

  before(async () => {
    primary = await createScratchDb(postgresServer());
    replica = await createScratchDb(postgresServer());
    // lib/db builds its clients on first use, from the environment as it is then.
    process.env.DATABASE_URL = primary.url;
    process.env.DATABASE_REPLICA_URLS = ` ${replica.url} `;
    app = await import("@/lib/db");
    search = await import("@/lib/search");
    await publishedArticle(primary, "Only on the primary");
    await publishedArticle(replica, "Only on the replica");
  });

  after(async () => {
    await app.db.$disconnect();
    await Promise.all([primary.drop(), replica.drop()]);
  });

  test("reader queries and reader search run on the replica", async () => {
    const headlines = (await app.readerDb.article.findMany({ select: { headline: true } })).map((a) => a.headline);
    assert.deepEqual(headlines, ["Only on the replica"]);
    const { hits } = await search.searchArticleIds("harbour");
    assert.equal(hits.length, 1);
    assert.equal((await replica.db.article.findUnique({ where: { id: hits[0].id } }))?.headline, "Only on the replica");
  });

  test("the workspace reads and writes the primary, so an editor reads back their own save", async () => {
    await app.db.article.updateMany({ data: { standfirst: "Saved just now" } });
    const onPrimary = await app.db.article.findMany({ select: { headline: true, standfirst: true } });
    assert.deepEqual(onPrimary, [{ headline: "Only on the primary", standfirst: "Saved just now" }]);
    assert.equal(await replica.db.article.count({ where: { standfirst: "Saved just now" } }), 0);
    // Staff search (any live article, for link targets) also reads the primary.
    const { hits } = await search.searchArticleIds("harbour", { includeUnpublished: true });
    assert.equal((await primary.db.article.findUnique({ where: { id: hits[0].id } }))?.headline, "Only on the primary");
  });

  // A server that is not a standby replays nothing: waiting for it returns at once. Were it to wait,
  // the full minute given would outlast this test's timeout and fail it.
  test("waiting for replicas returns when the server is not a standby (nothing to replay)", { timeout: 20_000 }, async () => {
    assert.equal(await app.waitForReplicas(60_000), undefined);
  });

  // With PG_STANDBY_PORT naming a real streaming standby of PG_SERVER's cluster on the same host
  // (docs/deploy.md shows how to start one), a write is on the replica once waitForReplicas returns.
  // CI has no standby, so there this one is skipped.
  test(
    "against a real streaming standby: after waitForReplicas a reader query sees the write",
    { skip: !process.env.PG_STANDBY_PORT && "set PG_STANDBY_PORT to run it against a real standby" },
    async () => {
      const standby = new URL(primary.url);
      standby.port = process.env.PG_STANDBY_PORT!;
      const reader = app.createReaderDb(app.db, [app.createDb(standby.toString())]);
      // waitForReplicas waits for the module's replicas: point them at the standby (the stand-in above
      // is not one).
      (globalThis as { bylineReplicas?: unknown[] }).bylineReplicas = [app.createDb(standby.toString())];
      const lags: number[] = [];
      for (let i = 0; i < 20; i++) {
        const article = await publishedArticle(primary, `Standby check ${i} ${Date.now()}`);
        const started = performance.now();
        await app.waitForReplicas();
        lags.push(performance.now() - started);
        assert.equal(await reader.article.count({ where: { id: article.id } }), 1, `write ${i} not on the standby after waiting`);
      }
      console.log(
        `waitForReplicas on a local standby: median ${lags.sort((a, b) => a - b)[10].toFixed(1)} ms, max ${lags[19].toFixed(1)} ms`,
      );
    },
  );
});
