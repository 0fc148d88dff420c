import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useTestDbForApp, type ScratchDb } from "@/test/support/scratch-db";
import { staffActor } from "./support/actor";
import { blankArticleForm } from "./support/article-form";

let t: ScratchDb;
let mutations: typeof import("@/lib/articles/mutations");
let schema: typeof import("@/lib/articles/schema");
let user: { id: string; email: string; name: string; role: "ADMIN" | "EDITOR" };
let actor: { sessionId: string };

before(async () => {
  t = await useTestDbForApp();
  mutations = await import("@/lib/articles/mutations");
  schema = await import("@/lib/articles/schema");
  ({ actor, user } = await staffActor(t.db, "EDITOR", "Ed"));
});
after(async () => t.drop());

const form = (o: Record<string, string>) =>
  schema.articleFormSchema.parse({
    ...blankArticleForm,
    headline: "H",
    body: "B",
    ...o,
  });

test("each save bumps the version and records a full revision", async () => {
  const created = await mutations.saveArticle(actor, form({ headline: "Revision story", authors: "new:Rita Roe" }));
  assert.ok(created.ok);
  const edited = await mutations.saveArticle(actor, form({ headline: "Revision story", body: "Second", version: "1" }), created.id);
  assert.ok(edited.ok && edited.version === 2);
  const revisions = await t.db.revision.findMany({ where: { articleId: created.id }, orderBy: { version: "asc" } });
  assert.deepEqual(
    revisions.map((r) => [r.version, JSON.parse(r.snapshot).body, r.userId]),
    [
      [1, "B", user.id],
      [2, "Second", user.id],
    ],
  );
  assert.equal(JSON.parse(revisions[0].snapshot).authorIds.length, 1, "the first revision has the new author");
});

test("the byline keeps its order through saves: unchanged, reordered, one author removed", async () => {
  const created = await mutations.saveArticle(actor, form({ headline: "Byline story", authors: "new:Ann Able\nnew:Ben Baker" }));
  assert.ok(created.ok);
  const byline = async () =>
    (await t.db.byline.findMany({ where: { articleId: created.id }, orderBy: { position: "asc" }, include: { author: true } })).map(
      (b) => b.author.name,
    );
  assert.deepEqual(await byline(), ["Ann Able", "Ben Baker"]);
  const [ann, ben] = (await t.db.byline.findMany({ where: { articleId: created.id }, orderBy: { position: "asc" } })).map(
    (b) => b.authorId,
  );
  const saves: [string, string[]][] = [
    [`${ann}\n${ben}`, ["Ann Able", "Ben Baker"]],
    [`${ben}\n${ann}`, ["Ben Baker", "Ann Able"]],
    [ann, ["Ann Able"]],
  ];
  for (const [index, [authors, expected]] of saves.entries()) {
    const saved = await mutations.saveArticle(actor, form({ headline: "Byline story", authors, version: String(index + 1) }), created.id);
    assert.ok(saved.ok);
    assert.deepEqual(await byline(), expected);
  }
});

test("a save based on an old version is refused with the other version, and changes nothing", async () => {
  const created = await mutations.saveArticle(actor, form({ headline: "Conflict story" }));
  assert.ok(created.ok);
  const first = await mutations.saveArticle(actor, form({ headline: "Conflict story", body: "Theirs", version: "1" }), created.id);
  assert.ok(first.ok);
  const stale = await mutations.saveArticle(actor, form({ headline: "Conflict story", body: "Mine", version: "1" }), created.id);
  assert.equal(stale.ok, false);
  assert.ok("conflict" in stale && stale.conflict.version === 2 && stale.conflict.theirs.body === "Theirs");
  const stored = await t.db.article.findUniqueOrThrow({ where: { id: created.id } });
  assert.equal(stored.body, "Theirs");
  assert.equal(stored.version, 2);
});

test("concurrent saves from the same version: exactly one wins", async () => {
  const created = await mutations.saveArticle(actor, form({ headline: "Race story" }));
  assert.ok(created.ok);
  const results = await Promise.all(
    ["A", "B", "C", "D"].map((body) => mutations.saveArticle(actor, form({ headline: "Race story", body, version: "1" }), created.id)),
  );
  assert.equal(results.filter((r) => r.ok).length, 1);
  assert.equal(results.filter((r) => !r.ok && "conflict" in r).length, 3);
  assert.equal(await t.db.revision.count({ where: { articleId: created.id } }), 2);
});

test("a slug change keeps the old address as a redirect; a taken slug is refused", async () => {
  const a = await mutations.saveArticle(actor, form({ headline: "Slug story" }));
  const b = await mutations.saveArticle(actor, form({ headline: "Other story" }));
  assert.ok(a.ok && b.ok);
  const renamed = await mutations.saveArticle(actor, form({ headline: "Slug story", slug: "slug-story-renamed", version: "1" }), a.id);
  assert.ok(renamed.ok);
  assert.equal((await t.db.slugRedirect.findUniqueOrThrow({ where: { slug: "slug-story" } })).articleId, a.id);
  const clash = await mutations.saveArticle(actor, form({ headline: "Other story", slug: "slug-story", version: "1" }), b.id);
  assert.deepEqual(clash, {
    ok: false,
    message: "Some fields need attention.",
    fieldErrors: { slug: ["That slug is already used by another article. Choose another."] },
  });
});

test("a new article's headline resolves waiting related-story labels", async () => {
  const owner = await mutations.saveArticle(actor, form({ headline: "Owner story" }));
  assert.ok(owner.ok);
  await t.db.relatedLink.create({ data: { articleId: owner.id, position: 0, label: "“Awaited” story!", labelKey: "awaited story" } });
  const awaited = await mutations.saveArticle(actor, form({ headline: "Awaited story" }));
  assert.ok(awaited.ok);
  assert.equal((await t.db.relatedLink.findFirstOrThrow({ where: { articleId: owner.id } })).targetArticleId, awaited.id);
});

test("restoring a revision keeps status and publish time", async () => {
  const created = await mutations.saveArticle(actor, form({ headline: "Restore story", body: "Old text" }));
  assert.ok(created.ok);
  const published = await mutations.saveArticle(
    actor,
    form({ headline: "Restore story", body: "New text", version: "1", intent: "publish" }),
    created.id,
  );
  assert.ok(published.ok);
  const before = await t.db.article.findUniqueOrThrow({ where: { id: created.id } });
  const restored = await mutations.restoreRevision(actor, created.id, 1, 2);
  assert.ok(restored.ok && restored.version === 3);
  const after = await t.db.article.findUniqueOrThrow({ where: { id: created.id } });
  assert.equal(after.body, "Old text");
  assert.equal(after.status, "PUBLISHED");
  assert.equal(after.publishedAt?.getTime(), before.publishedAt?.getTime());
});

test("saving a published story keeps its publication time to the second: the form shows only minutes", async () => {
  const published = await mutations.saveArticle(actor, form({ headline: "Seconds story", intent: "publish" }));
  assert.ok(published.ok && published.publishedAt);
  const stored = published.publishedAt;
  // What the form sends back: the status and time as its fields show them (a datetime-local to the minute).
  const shown = stored.toISOString().slice(0, 16);
  for (const [version, intent] of [
    ["1", "save"],
    ["2", "publish"],
  ] as const) {
    const saved: Awaited<ReturnType<typeof mutations.saveArticle>> = await mutations.saveArticle(
      actor,
      form({ headline: "Seconds story", body: `Edit ${version}`, status: "PUBLISHED", publishedAt: shown, version, intent }),
      published.id,
    );
    assert.ok(saved.ok, `${intent} saved`);
    assert.equal(saved.publishedAt?.toISOString(), stored.toISOString(), `${intent}: the time readers see did not move`);
  }
  const row = await t.db.article.findUniqueOrThrow({ where: { id: published.id }, select: { publishedAt: true } });
  assert.equal(row.publishedAt?.toISOString(), stored.toISOString());
  // A time the editor changed is taken as typed.
  const moved = await mutations.saveArticle(
    actor,
    form({ headline: "Seconds story", status: "PUBLISHED", publishedAt: "2020-01-02T03:04", version: "3" }),
    published.id,
  );
  assert.ok(moved.ok);
  assert.equal(moved.publishedAt?.toISOString(), "2020-01-02T03:04:00.000Z");
});

test("an author that does not exist is refused beside authors already on the byline, and the byline is kept", async () => {
  const created = await mutations.saveArticle(actor, form({ headline: "Unknown author story", authors: "new:Cora Cole" }));
  assert.ok(created.ok);
  const [cora] = (await t.db.byline.findMany({ where: { articleId: created.id } })).map((b) => b.authorId);
  const refused = await mutations.saveArticle(
    actor,
    form({ headline: "Unknown author story", authors: `${cora}\nno-such-author`, version: "1" }),
    created.id,
  );
  assert.ok(!refused.ok && "fieldErrors" in refused);
  assert.match(refused.fieldErrors.authors?.[0] ?? "", /no longer exists/);
  const stored = await t.db.article.findUniqueOrThrow({ where: { id: created.id }, include: { bylines: true } });
  assert.equal(stored.version, 1);
  assert.deepEqual(
    stored.bylines.map((b) => b.authorId),
    [cora],
  );
});
