import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { headlineKey } from "@/lib/text";
import { useTestDbForApp, type ScratchDb } from "@/test/support/scratch-db";

// The Ghost and WordPress importers end to end against their fixture exports (test/fixtures),
// on a real database and media folder.

const GHOST_EXPORT = "test/fixtures/ghost/export.json";
const GHOST_MEDIA = "test/fixtures/ghost/images";
const WXR_EXPORT = "test/fixtures/wordpress/export.xml";
const WXR_MEDIA = "test/fixtures/wordpress/uploads";

let t: ScratchDb;
let mediaDir: string;
let ghost: typeof import("@/lib/import/ghost");
let wxr: typeof import("@/lib/import/wxr");
let run: typeof import("@/lib/import/run-archive");
let reader: typeof import("@/lib/articles/reader");
let markdown: typeof import("@/lib/articles/markdown");

before(async () => {
  t = await useTestDbForApp();
  mediaDir = await mkdtemp(path.join(tmpdir(), "byline-import-media-"));
  process.env.MEDIA_DIR = mediaDir;
  [ghost, wxr, run, reader, markdown] = await Promise.all([
    import("@/lib/import/ghost"),
    import("@/lib/import/wxr"),
    import("@/lib/import/run-archive"),
    import("@/lib/articles/reader"),
    import("@/lib/articles/markdown"),
  ]);
});
after(async () => {
  await t.drop();
  await rm(mediaDir, { recursive: true, force: true });
});
beforeEach(async () => {
  await t.db.article.deleteMany();
  await t.db.author.deleteMany();
  await t.db.tag.deleteMany();
});

const quiet = { updateChanged: false, auditLabel: "import", label: "test", total: null, log: () => {} };

async function importGhost(options: { dryRun?: boolean; log?: (line: string) => void } = {}) {
  const data = ghost.parseGhostExport(readFileSync(GHOST_EXPORT, "utf8"));
  return run.runArchiveImport(t.db, ghost.ghostStories(data, { mediaDir: GHOST_MEDIA }), { ...quiet, dryRun: false, ...options });
}

async function importWxr(options: { dryRun?: boolean; log?: (line: string) => void } = {}) {
  const { stories } = await wxr.readWxr(WXR_EXPORT, { mediaDir: WXR_MEDIA });
  return run.runArchiveImport(t.db, stories, { ...quiet, dryRun: false, ...options });
}

const article = (slug: string) =>
  t.db.article.findUniqueOrThrow({
    where: { slug },
    include: {
      bylines: { include: { author: true }, orderBy: { position: "asc" } },
      tags: { include: { tag: true }, orderBy: { position: "asc" } },
      legacyUrls: true,
      leadImage: true,
      revisions: true,
    },
  });

test("a Ghost export lands field by field: authors in order, tags, feature picture, excerpt, times, old address", async () => {
  const lines: string[] = [];
  const summary = await importGhost({ log: (line) => lines.push(line) });
  assert.deepEqual({ ...summary, warnings: 0 }, { imported: 6, updated: 0, unchanged: 0, skipped: 1, failed: 0, warnings: 0 });
  assert.ok(
    lines.some((l) => l.startsWith("skipped: posts[6]")),
    "the broken entry is named with its reason",
  );

  const story = await article("harbour-cranes-return");
  assert.equal(story.headline, "Harbour cranes return to Zürich's lake after 40 years");
  assert.equal(story.standfirst, "Two cranes and a barge, back where they stood in 1984.");
  assert.equal(story.status, "PUBLISHED");
  assert.equal(story.publishedAt?.toISOString(), "2024-05-02T07:15:00.000Z");
  assert.equal(story.modifiedAt?.toISOString(), "2024-05-03T09:30:00.000Z");
  assert.equal(story.createdAt.toISOString(), "2024-05-01T08:00:00.000Z");
  assert.deepEqual(
    story.bylines.map((b) => b.author.name),
    ["Amira Haddad", "Jonas Müller"],
  );
  assert.equal(story.bylines[0].author.bio, "Harbour and transport correspondent.");
  assert.deepEqual(
    story.tags.map((x) => x.tag.name),
    ["Harbour", "Zürich"],
    "Ghost's internal #tags stay behind",
  );
  assert.deepEqual(
    story.legacyUrls.map((l) => l.path),
    ["/harbour-cranes-return"],
  );
  assert.equal(story.leadImage?.alt, "Two yellow cranes on a barge at dawn");
  assert.equal(story.leadImage?.caption, "The cranes at dawn. Photo: Lake Gazette");
  assert.equal(story.revisions.length, 1);

  // Headings, lists, links, quotes, the captioned picture (now in the library) and the embed as a link.
  assert.match(story.body, /^## Why now$/m);
  assert.match(story.body, /^- Two cranes$/m);
  assert.match(story.body, /^1\. Lift$/m);
  assert.match(story.body, /\[council's decision\]\(https:\/\/example\.org\/council-vote\)/);
  assert.match(story.body, /^> “It feels like home again,”/m);
  const tram = await t.db.image.findFirstOrThrow({ where: { alt: "A blue tram by the lake" } });
  assert.ok(story.body.includes(`![A blue tram by the lake](/media/${tram.contentHash} "The tram line reopens too.")`));
  assert.match(story.body, /\[Cranes arrive\]\(https:\/\/www\.youtube\.com\/embed\/abc123\)/);
  assert.match(story.body, /Ελληνικά, 東京, العربية/);
});

test("Ghost drafts, Lexical-only posts, scheduled posts, pages and members-only posts each land as they should", async () => {
  await importGhost();
  const draft = await article("night-ferry-timetable");
  assert.equal(draft.status, "DRAFT");
  assert.equal(draft.publishedAt, null);
  assert.equal(
    draft.body,
    "**Ferries** will run until 2 a.m. from June.\n\n### Stops\n\n1. Bürkliplatz\n2. Rapperswil\n\nTimes from the [operator](https://example.org/ferries).",
  );
  const scheduled = await article("lake-festival-programme");
  assert.equal(scheduled.status, "SCHEDULED");
  assert.equal(scheduled.publishedAt?.toISOString(), "2031-07-01T06:00:00.000Z");
  assert.equal((await article("about")).status, "PUBLISHED");
  assert.equal((await article("members-briefing-harbour-budget")).status, "DRAFT", "paid content is not published to everyone");
});

test("hostile content is stored inert and renders without scripts, handlers or javascript: links", async () => {
  await importGhost();
  await importWxr();
  for (const slug of ["council-minutes", "letters"]) {
    const { body } = await article(slug);
    const html = markdown.renderMarkdown(body);
    for (const stored of [body, html]) {
      assert.doesNotMatch(stored, /<script|onerror=|onclick=|onmouseover=|javascript:|data:text\/html/i, `${slug}: ${stored}`);
    }
  }
  // Text that only looked like markup stays text, escaped on the page.
  const minutes = await article("council-minutes");
  assert.match(markdown.renderMarkdown(minutes.body), /&lt;b&gt;escaped&lt;\/b&gt; stays text/);
});

test("a second run imports nothing and changes nothing; a dry run writes nothing", async () => {
  const dry = await importGhost({ dryRun: true });
  assert.equal(dry.imported, 6);
  assert.equal(await t.db.article.count(), 0, "the dry run wrote nothing");

  await importGhost();
  await importWxr();
  const before = await t.db.article.findMany({ select: { id: true, updatedAt: true, version: true }, orderBy: { id: "asc" } });
  const counts = async () => [
    await t.db.revision.count(),
    await t.db.image.count(),
    await t.db.legacyUrl.count(),
    await t.db.author.count(),
    await t.db.tag.count(),
  ];
  const countsBefore = await counts();

  const again = await importGhost();
  const againWxr = await importWxr();
  assert.deepEqual([again.imported, again.unchanged, againWxr.imported, againWxr.unchanged], [0, 6, 0, 6]);
  assert.deepEqual(await t.db.article.findMany({ select: { id: true, updatedAt: true, version: true }, orderBy: { id: "asc" } }), before);
  assert.deepEqual(await counts(), countsBefore);
});

test("a WordPress export lands field by field: display names, categories then tags, featured image, classic paragraphs, permalink", async () => {
  const lines: string[] = [];
  const summary = await importWxr({ log: (line) => lines.push(line) });
  assert.deepEqual([summary.imported, summary.skipped, summary.failed], [6, 2, 0]);
  assert.ok(lines.includes('skipped: post "Old spam": its WordPress status is "trash"'));
  assert.ok(lines.includes("skipped: 1 nav_menu_item entry: not stories"));
  assert.ok(lines.some((l) => l.includes("[gallery] shortcode")));

  const story = await article("market-square-reopens");
  assert.equal(story.standfirst, "The market is back, dry and busier than ever.");
  assert.equal(story.publishedAt?.toISOString(), "2024-06-03T06:30:00.000Z");
  assert.equal(story.modifiedAt?.toISOString(), "2024-06-04T09:00:00.000Z");
  assert.deepEqual(
    story.bylines.map((b) => b.author.name),
    ["Paulina Kowalska"],
  );
  assert.deepEqual(
    story.tags.map((x) => x.tag.name),
    ["Local", "Floods"],
  );
  assert.deepEqual(
    story.legacyUrls.map((l) => l.path),
    ["/2024/06/03/market-square-reopens"],
  );
  assert.equal(story.leadImage?.alt, "Stalls under striped awnings in the market square");
  assert.equal(story.leadImage?.caption, "Market square, June 2024. Photo: Valley Courier");
  // Blank-line paragraphs, a line break within one, the [caption] shortcode as a captioned library picture.
  assert.match(
    story.body,
    /^Stallholders were back by seven, some of them for the first time since March\.\n\nThe council spent \*\*£1\.2m\*\*/,
  );
  assert.match(story.body, /\(https:\/\/courier\.example\/council-report\)\. {2}\nIt was finished early\./);
  assert.ok(
    story.body.includes(`![The market square from the church tower](/media/${story.leadImage!.contentHash} "The square on reopening day")`),
  );
  assert.match(story.body, /^### What changes$/m);
  assert.match(story.body, /Note: `\]\]>` and/, "CDATA split across sections is read whole");

  const twinning = await article("đa-lat-twinning");
  assert.deepEqual(
    twinning.bylines.map((b) => b.author.name),
    ["Đức Nguyễn"],
    "first and last name when there is no display name",
  );
  assert.deepEqual(
    twinning.legacyUrls.map((l) => l.path),
    ["/2024/06/05/đa-lat-twinning"],
  );
  assert.equal((await article("election-night-live")).status, "SCHEDULED");
  const draft = await article("bypass-consultation-draft-notes");
  assert.equal(draft.status, "DRAFT");
  assert.deepEqual(draft.legacyUrls, [], "a draft's ?p= address is not an old page");
});

test("old addresses lead to the story while readers can see it", async () => {
  await importGhost();
  await importWxr();
  assert.equal(await reader.legacyRedirectTarget("/2024/06/03/market-square-reopens"), "market-square-reopens");
  assert.equal(await reader.legacyRedirectTarget("/harbour-cranes-return"), "harbour-cranes-return");
  assert.equal(await reader.legacyRedirectTarget("/night-ferry-timetable"), null, "a draft is not shown through its old address");
  await t.db.article.update({ where: { slug: "harbour-cranes-return" }, data: { deletedAt: new Date() } });
  assert.equal(await reader.legacyRedirectTarget("/harbour-cranes-return"), null, "nor a story in the trash");
});

test("related-story labels waiting for a headline resolve to the imported story", async () => {
  const waiting = await t.db.article.create({
    data: {
      slug: "waiting",
      headline: "Waiting",
      headlineKey: "waiting",
      body: "x",
      relatedLinks: {
        create: {
          position: 0,
          label: "Harbour cranes return to Zürich’s lake after 40 years",
          labelKey: headlineKey("Harbour cranes return to Zürich’s lake after 40 years"),
        },
      },
    },
    include: { relatedLinks: true },
  });
  await importGhost();
  const link = await t.db.relatedLink.findUniqueOrThrow({ where: { id: waiting.relatedLinks[0].id } });
  const story = await article("harbour-cranes-return");
  assert.equal(link.targetArticleId, story.id);
});

test("an import killed part way resumes: committed batches are kept, the rest is imported by the next run", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "byline-ghost-"));
  const posts = Array.from({ length: 250 }, (_, i) => ({
    id: `p${i}`,
    uuid: `resume-${i}`,
    title: `Resumable story number ${i}`,
    slug: `resumable-${i}`,
    html: `<p>Story ${i}.</p>`,
    type: "post",
    status: "published",
    visibility: "public",
    published_at: "2024-01-01T00:00:00.000Z",
  }));
  const file = path.join(dir, "export.json");
  await writeFile(file, JSON.stringify({ db: [{ data: { posts } }] }));
  const data = ghost.parseGhostExport(readFileSync(file, "utf8"));
  function* dying() {
    let n = 0;
    for (const entry of ghost.ghostStories(data)) {
      if (++n > 150) throw new Error("killed");
      yield entry;
    }
  }
  await assert.rejects(run.runArchiveImport(t.db, dying(), { ...quiet, dryRun: false }), /killed/);
  assert.equal(await t.db.article.count(), 100, "the first batch committed, the half-read second one did not");
  const resumed = await run.runArchiveImport(t.db, ghost.ghostStories(data), { ...quiet, dryRun: false });
  assert.deepEqual([resumed.imported, resumed.unchanged], [150, 100]);
  assert.equal(await t.db.article.count(), 250);
  await rm(dir, { recursive: true, force: true });
});

test("files that are not exports are refused with a clear message, nothing written", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "byline-bad-"));
  assert.throws(() => ghost.parseGhostExport("{not json"), /not JSON/);
  assert.throws(() => ghost.parseGhostExport('{"hello": 1}'), /not a Ghost export/);
  assert.throws(() => ghost.parseGhostExport('{"db":[{"data":{"users":[{"id":1}]}}]}'), /damaged at data\.users\.0\.id/);
  const notWxr = path.join(dir, "feed.xml");
  await writeFile(notWxr, '<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</title></item></channel></rss>');
  await assert.rejects(wxr.readWxr(notWxr), /not a WordPress export/);
  assert.equal(await t.db.article.count(), 0);
  await rm(dir, { recursive: true, force: true });
});
