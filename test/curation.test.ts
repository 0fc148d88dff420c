import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { headlineSimilarity } from "@/lib/related-links/similarity";
import { useTestDbForApp, type ScratchDb } from "@/test/support/scratch-db";
import { sessionFor, staffActor, type TestActor } from "./support/actor";
import { blankArticleForm } from "./support/article-form";

let t: ScratchDb;
let links: typeof import("@/lib/related-links/mutations");
let queries: typeof import("@/lib/related-links/queries");
let users: typeof import("@/lib/users/mutations");
let articles: typeof import("@/lib/articles/mutations");
let schema: typeof import("@/lib/articles/schema");
let admin: TestActor["actor"];
let adminUser: TestActor["user"];

before(async () => {
  t = await useTestDbForApp();
  [links, queries, users, articles, schema] = await Promise.all([
    import("@/lib/related-links/mutations"),
    import("@/lib/related-links/queries"),
    import("@/lib/users/mutations"),
    import("@/lib/articles/mutations"),
    import("@/lib/articles/schema"),
  ]);
  ({ actor: admin, user: adminUser } = await staffActor(t.db, "ADMIN", "Ada"));
});
after(async () => t.drop());

async function publish(headline: string, body = "Text.") {
  const form = schema.articleFormSchema.parse({ ...blankArticleForm, headline, body, intent: "publish" });
  const result = await articles.saveArticle(admin, form);
  assert.ok(result.ok);
  return result.id;
}

const lastAudit = async (entityId: string) =>
  t.db.auditEvent.findFirstOrThrow({ where: { entityId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });

test("headline similarity: identical folds to 1, shared words rank higher, nothing shared is 0", () => {
  assert.equal(headlineSimilarity("Tunisia under state of emergency", "TUNISIA under ‘state’ of emergency!"), 1);
  const close = headlineSimilarity("Tunisia declares emergency", "Tunisia declares state of emergency");
  const far = headlineSimilarity("Tunisia declares emergency", "Tunisia to rethink anti-IS strategy");
  assert.ok(close > far && far > 0, `${close} > ${far} > 0`);
  assert.equal(headlineSimilarity("Cats", "Dogs"), 0);
});

test("candidates for a label are ranked by headline similarity, unpublished included", async () => {
  const owner = await publish("Owner of the links");
  await publish("Kerry arrives in Abu Dhabi for Syria discussions");
  await publish("Kerry visits Israel with scant hopes");
  const draft = await t.db.article.create({
    data: { slug: "kerry-abu-dhabi-draft", headline: "Kerry in Abu Dhabi", headlineKey: "kerry in abu dhabi", body: "x" },
  });
  const candidates = await queries.candidatesForLabel(admin, "Kerry arrives in Abu Dhabi", owner);
  // 4 of 5 words shared, then 5 of 8, then 1 of 10: a draft can be a target too.
  assert.deepEqual(
    candidates.map((c) => c.headline),
    ["Kerry in Abu Dhabi", "Kerry arrives in Abu Dhabi for Syria discussions", "Kerry visits Israel with scant hopes"],
  );
  assert.equal(candidates[0].id, draft.id);
  assert.equal(candidates[0].score, 0.8);
});

test("each unresolved label, in the report and on its article, is shown its own best match", async () => {
  const owner = await publish("Owner of waiting labels");
  const glacier = await publish("Zorblat glacier melt accelerates in the Andes");
  const harbour = await publish("Zorblat harbour strike enters its third week");
  const labels = ["Zorblat harbour strike enters third week", "Zorblat nothing qqxv", "Zorblat glacier melt accelerates"];
  for (const [position, label] of labels.entries()) {
    await t.db.relatedLink.create({ data: { articleId: owner, position, label, labelKey: label.toLowerCase() } });
  }
  const report = await queries.listLinkProblems(admin, "unresolved", 1, "zorblat");
  assert.deepEqual(
    report.items.map((item) => [item.label, item.best?.id ?? null]),
    [
      [labels[0], harbour],
      [labels[1], null],
      [labels[2], glacier],
    ],
  );
  const matches = await queries.unresolvedMatches(admin, owner);
  assert.deepEqual(
    matches.map((m) => m.candidates.map((c) => c.id)),
    [[harbour], [], [glacier]],
  );
});

test("add, label, attach, reorder and remove links, each audited and in order", async () => {
  const owner = await publish("Curated article");
  const target = await publish("Target article");
  await links.addRelatedLink(admin, { articleId: owner, label: "", targetArticleId: target, url: "" });
  await links.addRelatedLink(admin, { articleId: owner, label: "Analysis", targetArticleId: "", url: "https://example.org/a" });
  await t.db.relatedLink.create({ data: { articleId: owner, position: 2, label: "Waiting label", labelKey: "waiting label" } });
  const order = async () =>
    (await t.db.relatedLink.findMany({ where: { articleId: owner }, orderBy: { position: "asc" } })).map((l) => l.label);
  assert.deepEqual(await order(), ["Target article", "Analysis", "Waiting label"]);

  const waiting = await t.db.relatedLink.findFirstOrThrow({ where: { articleId: owner, label: "Waiting label" } });
  assert.deepEqual(await links.moveRelatedLink(admin, waiting.id, "up"), { ok: true });
  assert.deepEqual(await order(), ["Target article", "Waiting label", "Analysis"]);
  assert.equal((await lastAudit(owner)).action, "reorder");

  // The target is related already (the first link): attaching the label to it too is refused.
  assert.deepEqual(await links.attachTarget(admin, waiting.id, target), {
    ok: false,
    message: "That story is already a related story of this article.",
  });
  assert.deepEqual(await links.addRelatedLink(admin, { articleId: owner, label: "", targetArticleId: target, url: "" }), {
    ok: false,
    message: "That story is already a related story of this article.",
  });
  const other = await publish("Other target article");
  assert.deepEqual(await links.attachTarget(admin, waiting.id, other), { ok: true });
  assert.equal((await t.db.relatedLink.findUniqueOrThrow({ where: { id: waiting.id } })).targetArticleId, other);
  assert.equal((await lastAudit(waiting.id)).action, "attach");
  await links.updateLinkLabel(admin, waiting.id, "Renamed label");
  assert.deepEqual(JSON.parse((await lastAudit(waiting.id)).summary), {
    before: { label: "Waiting label" },
    after: { label: "Renamed label" },
  });

  const first = await t.db.relatedLink.findFirstOrThrow({ where: { articleId: owner, position: 0 } });
  await links.removeRelatedLink(admin, first.id);
  assert.deepEqual(await order(), ["Renamed label", "Analysis"]);
  assert.equal((await lastAudit(first.id)).action, "remove");

  assert.equal((await links.attachTarget(admin, waiting.id, owner)).ok, false, "never to itself");
  assert.equal((await links.reorderRelatedLinks(admin, owner, ["bogus"])).ok, false);
  await links.setRelatedSwitch(admin, owner, "curated", false);
  await links.setRelatedSwitch(admin, owner, "suggestions", false);
  const switched = await t.db.article.findUniqueOrThrow({ where: { id: owner } });
  assert.deepEqual([switched.relatedEnabled, switched.suggestionsEnabled], [false, false]);
  assert.equal((await lastAudit(owner)).action, "suggestions off");
});

test("bulk curation: attach every confident match once, remove all unresolved, remove ticked links across articles", async () => {
  const owner = await publish("Glacier melt roundup");
  const label = (position: number, text: string) =>
    t.db.relatedLink.create({ data: { articleId: owner, position, label: text, labelKey: text.toLowerCase() } });
  const match = await publish("Alpine glacier retreat accelerates sharply");
  await label(0, "Alpine glacier retreat accelerates"); // 4 of 5 words: 80 % alike
  await label(1, "Alpine glacier retreat accelerates sharply"); // the same article again: attached once only
  await label(2, "Penguins vote for mayor"); // nothing alike
  assert.deepEqual(await links.attachConfidentMatches(admin, owner), {
    ok: true,
    message: "Attached 1 label to a matching article. 1 match was already linked.",
  });
  const after = await t.db.relatedLink.findMany({ where: { articleId: owner }, orderBy: { position: "asc" } });
  assert.deepEqual(
    after.map((l) => l.targetArticleId),
    [match, null, null],
    "the first label takes the match; the second would duplicate it",
  );
  assert.deepEqual(await links.attachConfidentMatches(admin, owner), {
    ok: false,
    message: "Those matches are already related stories of this article.",
  });

  assert.deepEqual(await links.removeUnresolvedLinks(admin, owner), { ok: true, message: "Removed 2 unresolved labels." });
  const kept = await t.db.relatedLink.findMany({ where: { articleId: owner } });
  assert.deepEqual(
    kept.map((l) => [l.targetArticleId, l.position]),
    [[match, 0]],
  );
  assert.deepEqual(await links.removeUnresolvedLinks(admin, owner), { ok: false, message: "This article has no unresolved labels left." });

  const other = await publish("Glacier tourism slump");
  const elsewhere = await t.db.relatedLink.create({ data: { articleId: other, position: 0, label: "Gone soon", labelKey: "gone soon" } });
  const stays = await t.db.relatedLink.create({ data: { articleId: other, position: 1, label: "Stays", labelKey: "stays" } });
  assert.deepEqual(await links.removeRelatedLinks(admin, [kept[0].id, elsewhere.id, "no-such-link"]), {
    ok: true,
    message: "Removed 2 links. 1 link was already gone.",
  });
  assert.deepEqual(
    (await t.db.relatedLink.findMany({ where: { articleId: { in: [owner, other] } } })).map((l) => [l.id, l.position]),
    [[stays.id, 0]],
    "the gap left in each article's order is closed",
  );
});

test("the last active admin cannot be demoted or disabled; changes are audited and end the user's sessions", async () => {
  const other = await staffActor(t.db, "EDITOR", "Ed");
  assert.deepEqual(await users.updateUserAccess(admin, adminUser.id, { role: "EDITOR" }), {
    ok: false,
    message: "This is the last active administrator: make another user an active administrator first.",
  });
  assert.equal((await users.updateUserAccess(admin, adminUser.id, { disabled: true })).ok, false);
  assert.deepEqual(await users.updateUserAccess(admin, other.user.id, { role: "ADMIN" }), { ok: true });
  assert.equal(await t.db.session.count({ where: { userId: other.user.id } }), 0, "a role change ends the user's sessions");
  const otherAdmin = await sessionFor(t.db, other.user.id);
  assert.deepEqual(await users.updateUserAccess(admin, adminUser.id, { disabled: true }), { ok: true }, "now another admin exists");
  await assert.rejects(
    users.updateUserAccess(admin, other.user.id, { disabled: true }),
    { reason: "signed-out" },
    "a disabled admin's session is over",
  );
  assert.equal((await users.updateUserAccess(otherAdmin, other.user.id, { disabled: true })).ok, false);
  const events = await t.db.auditEvent.findMany({ where: { entityType: "user" }, orderBy: { createdAt: "asc" } });
  assert.deepEqual(
    events.map((e) => e.action),
    ["role", "disable"],
  );
  await users.updateUserAccess(otherAdmin, adminUser.id, { disabled: false });
  admin = await sessionFor(t.db, adminUser.id);
});

test("every article change is audited with who and what changed", async () => {
  const id = await publish("Audited article", "First body");
  const created = await lastAudit(id);
  assert.equal(created.action, "create");
  assert.equal(created.userLabel, "Ada");
  const form = schema.articleFormSchema.parse({
    ...blankArticleForm,
    headline: "Audited article",
    body: "Second body",
    status: "PUBLISHED",
    version: "1",
  });
  await articles.saveArticle(admin, form, id);
  const updated = await lastAudit(id);
  assert.equal(updated.action, "update");
  const summary = JSON.parse(updated.summary);
  assert.deepEqual([summary.before.body, summary.after.body], ["First body", "Second body"]);
  assert.equal("headline" in summary.after, false, "only what changed");
  await articles.trashArticle(admin, id);
  assert.equal((await lastAudit(id)).action, "trash");
});

test("trashing an article keeps the links curated to it; restoring brings back exactly what was there", async () => {
  const owner = await publish("Links to a trashed story");
  const target = await publish("Story that goes to the trash");
  await links.addRelatedLink(admin, { articleId: owner, label: "Curated label", targetArticleId: target, url: "" });
  const editor = (await staffActor(t.db, "EDITOR")).actor;
  assert.deepEqual(await articles.trashArticle(editor, target), { ok: true });
  const link = await t.db.relatedLink.findFirstOrThrow({ where: { articleId: owner } });
  assert.deepEqual([link.label, link.targetArticleId], ["Curated label", target], "kept while in the trash");
  // A label written meanwhile that matches the headline stays as it was: restoring adds nothing.
  await t.db.relatedLink.create({
    data: { articleId: owner, position: 1, label: "Story that goes to the trash", labelKey: "story that goes to the trash" },
  });
  await assert.rejects(articles.restoreFromTrash(editor, target), { reason: "forbidden" }, "restoring is an admin's");
  assert.deepEqual(await articles.restoreFromTrash(admin, target), { ok: true });
  const after = await t.db.relatedLink.findMany({
    where: { articleId: owner },
    orderBy: { position: "asc" },
    select: { label: true, targetArticleId: true },
  });
  assert.deepEqual(after, [
    { label: "Curated label", targetArticleId: target },
    { label: "Story that goes to the trash", targetArticleId: null },
  ]);
});
