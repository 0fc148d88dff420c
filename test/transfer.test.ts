import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { importDocuments } from "@/lib/import/import";
import { parseDocument } from "@/lib/import/parse";
import { exportContent, importContent, NO_PASSWORD } from "@/lib/transfer/transfer";
import { needsPostgres, postgresServer } from "@/test/support/engine";
import { createScratchDb, createTestDb, type ScratchDb } from "@/test/support/scratch-db";
import { syntheticDocuments } from "@/test/support/synthetic";
import { seedText } from "./support/seed";

// Export → import into a fresh database → export again must give identical content, on the
// engine under test and from SQLite into PostgreSQL.

let source: ScratchDb;
const scratches: ScratchDb[] = [];
const scratch = async (where?: string) => {
  const db = where ? await createScratchDb(where) : await createTestDb();
  scratches.push(db);
  return db;
};

/** Imported documents plus what editors leave behind: edits, old slugs, revisions, the trash, users. */
async function populate(target: ScratchDb) {
  const docs = [seedText(), ...syntheticDocuments(40, 7)].map((text) => {
    const parsed = parseDocument(text, "doc.txt");
    assert.ok(parsed.ok);
    return parsed.document;
  });
  const db = target.db;
  await importDocuments(db, docs);
  const [first, second] = await db.article.findMany({ orderBy: { id: "asc" }, take: 2 });
  const user = await db.user.create({
    data: { email: "ed@example.test", name: "Ed “Quotes” Ñ", role: "EDITOR", passwordHash: "secret-hash", disabled: true },
  });
  await db.article.update({
    where: { id: first.id },
    data: { slug: `${first.slug}-new`, version: 2, modifiedAt: new Date(), updatedById: user.id, relatedEnabled: false },
  });
  await db.slugRedirect.create({ data: { slug: first.slug, articleId: first.id } });
  await db.revision.create({ data: { articleId: first.id, version: 2, snapshot: JSON.stringify({ body: "émoji 🦄" }), userId: user.id } });
  await db.article.update({ where: { id: second.id }, data: { deletedAt: new Date() } });
  await db.relatedLink.create({
    data: { articleId: second.id, position: 99, label: "External", labelKey: "external", url: "https://example.org/x?a=1&b=2" },
  });
}

before(async () => {
  source = await scratch();
  await populate(source);
});
after(async () => {
  for (const s of scratches) await s.drop();
});

async function roundTrip(from: ScratchDb, target: ScratchDb) {
  const exported = await exportContent(from.db);
  await importContent(target.db, JSON.parse(JSON.stringify(exported)));
  const again = await exportContent(target.db);
  assert.equal(JSON.stringify(again), JSON.stringify(exported), "identical content after the round trip");
  return exported;
}

test("round trip on the engine under test is lossless", async () => {
  const exported = await roundTrip(source, await scratch());
  assert.equal(exported.articles.length, 41);
  assert.ok(
    exported.articles.some((a) => a.deletedAt),
    "the trash travels too",
  );
  assert.ok(exported.articles.every((a) => a.revisions.length >= 1));
  assert.equal(exported.articles.flatMap((a) => a.relatedLinks).filter((l) => l.targetArticleId).length > 0, true);
  assert.equal(JSON.stringify(exported).includes("secret-hash"), false, "no password hashes in the file");
});

test("round trip from SQLite into PostgreSQL is lossless", { skip: needsPostgres }, async () => {
  const sqlite = await scratch("sqlite");
  await populate(sqlite);
  await roundTrip(sqlite, await scratch(postgresServer()));
});

test("imported users cannot sign in until an admin resets their password; a non-empty database is refused", async () => {
  const target = await scratch();
  const exported = await exportContent(source.db);
  await importContent(target.db, exported);
  const user = await target.db.user.findFirstOrThrow({ select: { passwordHash: true } });
  assert.equal(user.passwordHash, NO_PASSWORD);
  await assert.rejects(importContent(target.db, exported), /the database is not empty/);
  const found = await target.db.article.count({ where: { headline: { contains: "Mali" } } });
  assert.equal(found, 1);
});

test("a file with one bad record is refused whole, naming the record and the rule it breaks", async () => {
  const exported = JSON.parse(JSON.stringify(await exportContent(source.db)));
  const cases: [string, (file: typeof exported) => void, RegExp][] = [
    ["empty headline", (f) => (f.articles[5].headline = "   "), /articles\[5\] \(slug "[^"]+"\)\.headline: Enter a headline\./],
    [
      "bad slug",
      (f) => (f.articles[2].slug = "../../etc/passwd"),
      /articles\[2\] \(slug "\.\.\/\.\.\/etc\/passwd"\)\.slug: not a valid slug/,
    ],
    [
      "javascript: related URL",
      (f) => f.articles[0].relatedLinks.push({ ...f.articles[1].relatedLinks[0], id: "x", position: 999, url: "javascript:alert(1)" }),
      /relatedLinks\[\d+\]\.url/,
    ],
    ["unknown role", (f) => (f.users[0].role = "OWNER"), /users\[0\] \(email "[^"]+"\)\.role/],
    ["bad email", (f) => (f.users[0].email = "not an email"), /users\[0\].*\.email: Enter a valid email address\./],
    [
      "over-long body",
      (f) => (f.articles[1].body = "x".repeat(200_001)),
      /articles\[1\].*\.body: The body can be at most 200,000 characters\./,
    ],
    ["not a date", (f) => (f.articles[3].publishedAt = "yesterday"), /articles\[3\].*\.publishedAt/],
  ];
  for (const [what, spoil, message] of cases) {
    const target = await scratch();
    const file = JSON.parse(JSON.stringify(exported));
    spoil(file);
    await assert.rejects(
      importContent(target.db, file),
      (error: Error) => /^nothing imported: /.test(error.message) && message.test(error.message),
      what,
    );
    assert.equal(
      (await target.db.article.count()) + (await target.db.user.count()) + (await target.db.author.count()),
      0,
      `${what}: nothing written`,
    );
  }
  await assert.rejects(importContent((await scratch()).db, { format: "wordpress" }), /not a byline-export version 1 file/);
});
