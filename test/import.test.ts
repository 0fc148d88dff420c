import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { importDocuments } from "@/lib/import/import";
import { parseDocument, type ParsedDocument } from "@/lib/import/parse";
import { importFiles } from "@/lib/import/run";
import { markdownToPlainText } from "@/lib/articles/markdown";
import { createTestDb, type ScratchDb } from "@/test/support/scratch-db";
import { makeDocument, seedText, SEED_FILE } from "./support/seed";

let t: ScratchDb;
before(async () => (t = await createTestDb()));
after(async () => t.drop());
beforeEach(async () => {
  // Children first: bylines, links and revisions cascade from articles.
  await t.db.article.deleteMany();
  await t.db.author.deleteMany();
});

async function importDocument(db: ScratchDb["db"], document: ParsedDocument) {
  const [outcome] = await importDocuments(db, [document]);
  return outcome;
}

function doc(text: string): ParsedDocument {
  const result = parseDocument(text, "test.txt");
  if (!result.ok) assert.fail(result.error);
  return result.document;
}

const SEED_SLUG = "mali-islamists-threaten-to-hit-at-heart-of-france-as-they-push-south";

test("the seed imports as a published article with every field in place", async () => {
  const outcome = await importDocument(t.db, doc(seedText()));
  assert.equal(outcome.status, "imported");
  assert.equal(outcome.slug, SEED_SLUG);

  const article = await t.db.article.findUniqueOrThrow({
    where: { slug: SEED_SLUG },
    include: {
      bylines: { include: { author: true }, orderBy: { position: "asc" } },
      relatedLinks: { orderBy: { position: "asc" } },
      revisions: true,
    },
  });
  assert.equal(article.headline, "Mali Islamists threaten to hit at heart of France as they push south");
  assert.equal(
    article.standfirst,
    "Local government official reports jihadists have seized Diabaly, some 400 kilometres north of capital Bamako.",
  );
  assert.equal(article.source, "Middle East Online");
  assert.equal(article.dateline, "BAMAKO");
  assert.equal(article.caption, "Will surprise factor help in pushing back Islamists?");
  assert.equal(article.status, "PUBLISHED");
  assert.equal(article.publishedAt?.toISOString(), "2013-01-14T00:00:00.000Z");
  assert.equal(article.version, 1);
  assert.deepEqual(
    article.bylines.map((b) => [b.position, b.author.name, b.author.slug]),
    [[0, "Serge Daniel", "serge-daniel"]],
  );

  const bodyParagraphs = seedText()
    .split("\n\n\n")[3]
    .split("\n\n")
    .slice(3)
    .map((p) => p.trim());
  assert.equal(markdownToPlainText(article.body), bodyParagraphs.join("\n"), "every body paragraph, in order, as text");

  const relatedLines = seedText()
    .split("\n\n\n")[4]
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  assert.deepEqual(
    article.relatedLinks.map((l) => l.label),
    relatedLines,
  );
  assert.deepEqual(
    article.relatedLinks.map((l) => l.position),
    relatedLines.map((_, i) => i),
  );
  assert.ok(
    article.relatedLinks.every((l) => l.targetArticleId === null && l.url === null),
    "nothing to resolve against yet",
  );
  assert.equal(article.revisions.length, 1);
  assert.equal(JSON.parse(article.revisions[0].snapshot).headline, article.headline);
});

test("importing the same content again, under any file name or line endings, changes nothing", async () => {
  await importDocument(t.db, doc(seedText()));
  await t.db.article.update({ where: { slug: SEED_SLUG }, data: { headline: "Edited by an editor", version: 2 } });
  const again = await importDocument(t.db, doc("\uFEFF" + seedText().replace(/\n/g, "\r\n")));
  assert.equal(again.status, "unchanged");
  assert.equal(await t.db.article.count(), 1);
  assert.equal(await t.db.author.count(), 1);
  assert.equal(await t.db.relatedLink.count(), 45);
  const article = await t.db.article.findUniqueOrThrow({ where: { slug: SEED_SLUG } });
  assert.equal(article.headline, "Edited by an editor");
  assert.equal(article.version, 2);
});

test("authors are created once and shared; several authors keep their order", async () => {
  await importDocument(t.db, doc(makeDocument({ headline: "One", byline: "By Zoë Ångström and Ann Lee – OSLO" })));
  await importDocument(t.db, doc(makeDocument({ headline: "Two", byline: "By Ann Lee" })));
  const authors = await t.db.author.findMany({ orderBy: { slug: "asc" } });
  assert.deepEqual(
    authors.map((a) => [a.slug, a.name]),
    [
      ["ann-lee", "Ann Lee"],
      ["zoe-angstrom", "Zoë Ångström"],
    ],
  );
  const one = await t.db.article.findUniqueOrThrow({
    where: { slug: "one" },
    include: { bylines: { orderBy: { position: "asc" }, include: { author: true } } },
  });
  assert.deepEqual(
    one.bylines.map((b) => b.author.name),
    ["Zoë Ångström", "Ann Lee"],
  );
});

test("related headlines resolve to articles in either import order", async () => {
  const older = makeDocument({
    headline: "Tunisia under state of emergency",
    related: ["Mali Islamists threaten to hit at heart of France as they push south"],
  });
  // Resolution folds case, whitespace, punctuation and quotes.
  const newer = makeDocument({
    headline: "Assad grateful to Russia as army advances on ‘nearly every front’",
    related: ["TUNISIA  under state of emergency!"],
  });

  for (const order of [
    [older, newer],
    [newer, older],
  ]) {
    await t.db.article.deleteMany();
    for (const text of order) await importDocument(t.db, doc(text));
    await importDocument(t.db, doc(seedText()));
    const byHeadline = new Map((await t.db.article.findMany()).map((a) => [a.headline, a.id]));
    const link = async (headline: string, label: RegExp) => {
      const links = await t.db.relatedLink.findMany({ where: { articleId: byHeadline.get(headline) } });
      return links.find((l) => label.test(l.label))?.targetArticleId;
    };
    assert.equal(
      await link("Assad grateful to Russia as army advances on ‘nearly every front’", /TUNISIA/),
      byHeadline.get("Tunisia under state of emergency"),
    );
    assert.equal(
      await link("Tunisia under state of emergency", /Mali/),
      byHeadline.get("Mali Islamists threaten to hit at heart of France as they push south"),
    );
    const seedId = byHeadline.get("Mali Islamists threaten to hit at heart of France as they push south");
    assert.equal(
      await link("Mali Islamists threaten to hit at heart of France as they push south", /^Tunisia under state of emergency$/),
      byHeadline.get("Tunisia under state of emergency"),
    );
    assert.equal(
      await link("Mali Islamists threaten to hit at heart of France as they push south", /^Assad grateful/),
      byHeadline.get("Assad grateful to Russia as army advances on ‘nearly every front’"),
    );
    const unresolved = await t.db.relatedLink.count({ where: { articleId: seedId, targetArticleId: null } });
    assert.equal(unresolved, 43, "the other labels stay unresolved");
  }
});

test("deleting an article leaves links to it unresolved, label kept", async () => {
  await importDocument(t.db, doc(makeDocument({ headline: "Target story" })));
  await importDocument(t.db, doc(makeDocument({ headline: "Linking story", related: ["Target story"] })));
  await t.db.article.delete({ where: { slug: "target-story" } });
  const [link] = await t.db.relatedLink.findMany();
  assert.equal(link.label, "Target story");
  assert.equal(link.targetArticleId, null);
});

test("a batch with bad documents imports the good ones and reports the bad ones", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "byline-import-"));
  writeFileSync(path.join(dir, "a-good.txt"), makeDocument({ headline: "Good one" }));
  writeFileSync(path.join(dir, "b-no-date.txt"), makeDocument({ headline: "Bad" }).replace(/^First Published.*\n/, ""));
  writeFileSync(path.join(dir, "c-no-body.txt"), "First Published: 2013-01-14\n\n\nHeadline\n\n\nStandfirst");
  writeFileSync(path.join(dir, "d-good.txt"), makeDocument({ headline: "Good two" }));
  const lines: string[] = [];
  const files = ["a-good.txt", "b-no-date.txt", "c-no-body.txt", "d-good.txt", "a-good.txt"].map((f) => path.join(dir, f));
  const summary = await importFiles(t.db, files, { log: (l) => lines.push(l) });
  assert.deepEqual({ ...summary, errors: undefined }, { imported: 2, unchanged: 1, failed: 2, errors: undefined });
  assert.equal(lines.length, 2);
  assert.match(lines[0], /b-no-date\.txt: the first line must be "First Published: YYYY-MM-DD"/);
  assert.match(lines[1], /c-no-body\.txt: no body/);
  assert.deepEqual(
    (await t.db.article.findMany({ orderBy: { slug: "asc" } })).map((a) => a.slug),
    ["good-one", "good-two"],
  );

  const dry = await importFiles(t.db, [path.join(dir, "a-good.txt"), SEED_FILE], { dryRun: true, log: () => {} });
  assert.deepEqual([dry.imported, dry.unchanged], [1, 1]);
  assert.equal(await t.db.article.count(), 2, "a dry run writes nothing");
});

test("two documents with the same headline get distinct slugs", async () => {
  await importDocument(t.db, doc(makeDocument({ headline: "Same headline", body: ["A."] })));
  await importDocument(t.db, doc(makeDocument({ headline: "Same headline", body: ["B."] })));
  assert.deepEqual(
    (await t.db.article.findMany({ orderBy: { createdAt: "asc" } })).map((a) => a.slug),
    ["same-headline", "same-headline-2"],
  );
});
