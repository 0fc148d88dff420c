import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useTestDbForApp, type ScratchDb } from "@/test/support/scratch-db";
import { staffActor, type TestActor } from "./support/actor";
import { blankArticleForm } from "./support/article-form";

let t: ScratchDb;
let drafts: typeof import("@/lib/drafts/mutations");
let draftQueries: typeof import("@/lib/drafts/queries");
let draftSchema: typeof import("@/lib/drafts/schema");
let articles: typeof import("@/lib/articles/mutations");
let schema: typeof import("@/lib/articles/schema");
let eve: TestActor;
let sam: TestActor;

before(async () => {
  t = await useTestDbForApp();
  [drafts, draftQueries, draftSchema, articles, schema] = await Promise.all([
    import("@/lib/drafts/mutations"),
    import("@/lib/drafts/queries"),
    import("@/lib/drafts/schema"),
    import("@/lib/articles/mutations"),
    import("@/lib/articles/schema"),
  ]);
  [eve, sam] = await Promise.all([staffActor(t.db, "EDITOR", "Eve"), staffActor(t.db, "EDITOR", "Sam")]);
});
after(async () => t.drop());

async function saved(headline: string) {
  const result = await articles.saveArticle(
    eve.actor,
    schema.articleFormSchema.parse({ ...blankArticleForm, headline, body: "First text." }),
  );
  assert.ok(result.ok);
  return result;
}
const typed = (fields: Record<string, string>) => draftSchema.autosaveSchema.parse({ ...blankArticleForm, ...fields });

test("an autosave keeps the editor's text without touching the article or its history, and only for that editor", async () => {
  const story = await saved(`Autosave ${Date.now()}`);
  const result = await drafts.autosaveDraft(
    eve.actor,
    typed({ id: story.id, version: String(story.version), headline: "Changed", body: "Typed, not saved." }),
  );
  assert.ok(result.ok && result.newerVersion === null);
  const article = await t.db.article.findUniqueOrThrow({ where: { id: story.id }, include: { revisions: true } });
  assert.deepEqual([article.version, article.body, article.revisions.length], [1, "First text.", 1]);
  const mine = await draftQueries.getDraft(eve.actor, story.id);
  assert.equal(mine?.fields.body, "Typed, not saved.");
  assert.equal(mine?.baseVersion, 1);
  assert.equal(await draftQueries.getDraft(sam.actor, story.id), null, "another editor never sees it");
});

test("an autosave over a version someone else has since replaced is kept, says so, and changes nothing of theirs", async () => {
  const story = await saved(`Race ${Date.now()}`);
  const theirs = await articles.saveArticle(
    sam.actor,
    schema.articleFormSchema.parse({
      ...blankArticleForm,
      headline: "Sam's headline",
      body: "Sam's text.",
      version: String(story.version),
    }),
    story.id,
  );
  assert.ok(theirs.ok);
  const result = await drafts.autosaveDraft(
    eve.actor,
    typed({ id: story.id, version: String(story.version), headline: "Eve's", body: "Eve's text." }),
  );
  assert.ok(result.ok);
  assert.equal(result.newerVersion, 2);
  assert.match(result.message!, /Sam saved version 2 while you were writing/);
  assert.equal((await t.db.article.findUniqueOrThrow({ where: { id: story.id } })).body, "Sam's text.");
  assert.equal((await draftQueries.getDraft(eve.actor, story.id))?.fields.body, "Eve's text.");
});

test("the next save becomes the revision and removes the autosave; a new article's draft goes with its first save", async () => {
  await drafts.autosaveDraft(eve.actor, typed({ id: "", version: "0", headline: "Brand new", body: "Draft of a new story." }));
  assert.equal((await draftQueries.getDraft(eve.actor, null))?.fields.headline, "Brand new");
  const story = await saved(`Brand new ${Date.now()}`);
  assert.equal(await draftQueries.getDraft(eve.actor, null), null);

  await drafts.autosaveDraft(eve.actor, typed({ id: story.id, version: "1", body: "More." }));
  const next = await articles.saveArticle(
    eve.actor,
    schema.articleFormSchema.parse({ ...blankArticleForm, headline: "Saved", body: "More.", version: "1" }),
    story.id,
  );
  assert.ok(next.ok);
  assert.equal(await draftQueries.getDraft(eve.actor, story.id), null);
});

test("an autosave for an article in the trash is refused with a message; the text stays with the editor's browser", async () => {
  const story = await saved(`Trashed ${Date.now()}`);
  assert.ok((await articles.trashArticle(eve.actor, story.id)).ok);
  const result = await drafts.autosaveDraft(eve.actor, typed({ id: story.id, version: "1", body: "Late." }));
  assert.ok(!result.ok);
  assert.match(result.message, /no longer exists/);
});
