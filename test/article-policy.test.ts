import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useTestDbForApp, type ScratchDb } from "@/test/support/scratch-db";

// "Readers may see this" is one rule in three forms (lib/articles/policy.ts): they must agree on
// every combination of status, publish time and trash, in the database under test.

let t: ScratchDb;
let policy: typeof import("@/lib/articles/policy");
let Prisma: typeof import("@/generated/sqlite/client").Prisma;
const now = new Date();
const times = { none: null, past: new Date(now.getTime() - 60_000), now, future: new Date(now.getTime() + 60_000) };
const statuses = ["DRAFT", "SCHEDULED", "PUBLISHED", "ARCHIVED"] as const;

before(async () => {
  t = await useTestDbForApp();
  policy = await import("@/lib/articles/policy");
  ({ Prisma } = await import("@/generated/sqlite/client"));
  let n = 0;
  for (const status of statuses)
    for (const [time, publishedAt] of Object.entries(times))
      for (const trashed of [false, true]) {
        const slug = `${status}-${time}-${trashed ? "trashed" : "live"}`.toLowerCase();
        await t.db.article.create({
          data: {
            slug,
            headline: slug,
            headlineKey: slug,
            body: "x",
            status,
            publishedAt,
            deletedAt: trashed ? times.past : null,
            createdAt: new Date(now.getTime() - ++n),
          },
        });
      }
});
after(async () => t.drop());

test("the predicate, the Prisma where, its negation and the SQL fragment agree on all 32 combinations", async () => {
  const rows = await t.db.article.findMany({ select: { slug: true, status: true, publishedAt: true, deletedAt: true } });
  assert.equal(rows.length, 32);
  const byPredicate = rows
    .filter((r) => policy.isVisibleToReaders(r, now))
    .map((r) => r.slug)
    .sort();
  const byWhere = (await t.db.article.findMany({ where: policy.visibleToReaders(now), select: { slug: true } })).map((r) => r.slug).sort();
  const hidden = (await t.db.article.findMany({ where: policy.hiddenFromReaders(now), select: { slug: true } })).map((r) => r.slug);
  const bySql = (
    await t.db.$queryRaw<{ slug: string }[]>(Prisma.sql`SELECT x."slug" FROM "Article" x WHERE ${policy.visibleToReadersSql("x", now)}`)
  )
    .map((r) => r.slug)
    .sort();
  assert.deepEqual(byPredicate, ["published-now-live", "published-past-live", "scheduled-now-live", "scheduled-past-live"]);
  assert.deepEqual(byWhere, byPredicate);
  assert.deepEqual(bySql, byPredicate);
  assert.deepEqual(
    rows
      .map((r) => r.slug)
      .filter((s) => !hidden.includes(s))
      .sort(),
    byPredicate,
    "hidden is exactly the rest",
  );
});

test("the workspace's status follows the same rule", () => {
  for (const status of statuses)
    for (const publishedAt of Object.values(times)) {
      const shown = policy.effectiveStatus(status, publishedAt, now);
      const visible = policy.isVisibleToReaders({ status, publishedAt, deletedAt: null }, now);
      assert.equal(shown === "PUBLISHED", visible, `${status} at ${publishedAt?.toISOString() ?? "no time"} shows ${shown}`);
      if (status === "DRAFT" || status === "ARCHIVED") assert.equal(shown, status);
    }
});

test("what a save tells the editor follows where the article stood for readers before and after", () => {
  const past = times.past;
  const future = times.future;
  assert.equal(policy.saveOutcome(false, { status: "PUBLISHED", publishedAt: past }, now), "published");
  assert.equal(policy.saveOutcome(true, { status: "PUBLISHED", publishedAt: past }, now), "updated");
  assert.equal(policy.saveOutcome(false, { status: "SCHEDULED", publishedAt: future }, now), "scheduled");
  assert.equal(policy.saveOutcome(true, { status: "PUBLISHED", publishedAt: future }, now), "scheduled", "moved back into the future");
  assert.equal(policy.saveOutcome(true, { status: "DRAFT", publishedAt: past }, now), "unpublished");
  assert.equal(policy.saveOutcome(false, { status: "DRAFT", publishedAt: null }, now), "draft");
  assert.equal(policy.saveOutcome(true, { status: "ARCHIVED", publishedAt: past }, now), "archived");
});

test("a save re-renders only the reader pages that show what changed", () => {
  const shown = {
    slug: "story",
    headline: "Headline",
    standfirst: "Standfirst",
    publishedAt: new Date(times.past!.getTime()),
    leadImageId: null as string | null,
    authorIds: ["a", "b"],
  };
  const change = (before: typeof shown | null, after: typeof shown | null) => policy.readerChangeOfSave({ before, after, id: "id-1" });
  assert.equal(change(null, null), null, "a draft saved as a draft expires nothing readers see");
  assert.deepEqual(change(shown, { ...shown, authorIds: ["a", "b"], publishedAt: new Date(shown.publishedAt.getTime()) }), {
    paths: ["/articles/story"],
    dataTags: ["reader:article:story", "reader:dates"],
  });
  for (const edit of [
    { headline: "New headline" },
    { standfirst: "New standfirst" },
    { slug: "moved" },
    { leadImageId: "picture" },
    { authorIds: ["b", "a"] },
    { publishedAt: times.now },
  ]) {
    assert.deepEqual(change(shown, { ...shown, ...edit }), { articleIds: ["id-1"] }, `lists show ${Object.keys(edit)[0]}`);
  }
  assert.deepEqual(change(null, shown), { articleIds: ["id-1"] }, "published");
  assert.deepEqual(change(shown, null), { articleIds: ["id-1"] }, "unpublished");
});
