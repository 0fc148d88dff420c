import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { useTestDbForApp, type ScratchDb } from "@/test/support/scratch-db";

// Wire ingest against a feed server this test runs on localhost: RSS, Atom and ninjs, updated
// items, duplicates, withdrawn items, failures a desk can act on, and polls only when due.

let t: ScratchDb;
let poll: typeof import("@/lib/ingest/poll");
let schedule: typeof import("@/lib/ingest/schedule");
let server: Server;
let base: string;
/** What the feed server answers, by path, and how often each path was asked for. */
const feeds = new Map<string, { status?: number; type: string; body: string }>();
const requests = new Map<string, number>();

before(async () => {
  t = await useTestDbForApp();
  [poll, schedule] = await Promise.all([import("@/lib/ingest/poll"), import("@/lib/ingest/schedule")]);
  server = createServer((req, res) => {
    requests.set(req.url!, (requests.get(req.url!) ?? 0) + 1);
    const feed = feeds.get(req.url!);
    res.writeHead(feed?.status ?? (feed ? 200 : 404), { "Content-Type": feed?.type ?? "text/plain" });
    res.end(feed?.body ?? "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.close();
  await t.drop();
});
beforeEach(async () => {
  await t.db.article.deleteMany();
  await t.db.author.deleteMany();
  await t.db.tag.deleteMany();
  await t.db.ingestSource.deleteMany();
  feeds.clear();
  requests.clear();
});

const rssItem = (guid: string, title: string, body: string, extra = "") => `
  <item>
    <title>${title}</title>
    <link>https://wire.example/${guid}</link>
    <guid isPermaLink="false">${guid}</guid>
    <pubDate>Mon, 30 Nov 2026 09:00:00 GMT</pubDate>
    <description>Summary of ${title}</description>
    <content:encoded><![CDATA[${body}]]></content:encoded>
    ${extra}
  </item>`;
const rss = (...items: string[]) =>
  `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Wire</title>${items.join("")}</channel></rss>`;

async function addSource(path: string, fields: { publish?: boolean; defaultAuthor?: string; intervalMinutes?: number } = {}) {
  return t.db.ingestSource.create({
    data: {
      name: "Valley Wire",
      url: `${base}${path}`,
      intervalMinutes: fields.intervalMinutes ?? 15,
      publish: fields.publish ?? false,
      defaultAuthor: fields.defaultAuthor ?? "",
    },
  });
}

test("feed items become drafts; the same item again changes nothing, a newer version updates its draft", async () => {
  feeds.set("/rss", {
    type: "application/rss+xml",
    body: rss(
      rssItem(
        "wire-1",
        "Dam inspection finds cracks",
        "<p>Engineers found <b>three</b> cracks.</p>",
        "<dc:creator>Ana Ruiz</dc:creator><category>Infrastructure</category>",
      ),
      rssItem("wire-2", "Bridge closed overnight", "<p>The bridge closes at ten.</p>"),
      rssItem("wire-2", "Bridge closed overnight", "<p>The bridge closes at ten.</p>"),
    ),
  });
  const source = await addSource("/rss", { defaultAuthor: "Valley Wire staff" });
  const first = await poll.pollSource(t.db, source.id);
  assert.deepEqual([first?.imported, first?.unchanged], [2, 1], "the duplicate in the same feed is one story");
  const dam = await t.db.article.findFirstOrThrow({
    where: { externalId: "feed:wire-1" },
    include: { bylines: { include: { author: true } }, tags: { include: { tag: true } } },
  });
  assert.equal(dam.status, "DRAFT");
  assert.equal(dam.publishedAt, null);
  assert.equal(dam.source, "Valley Wire");
  assert.equal(dam.standfirst, "Summary of Dam inspection finds cracks");
  assert.equal(dam.body, "Engineers found **three** cracks.");
  assert.deepEqual(
    dam.bylines.map((b) => b.author.name),
    ["Ana Ruiz"],
  );
  assert.deepEqual(
    dam.tags.map((x) => x.tag.name),
    ["Infrastructure"],
  );
  const bridge = await t.db.article.findFirstOrThrow({
    where: { externalId: "feed:wire-2" },
    include: { bylines: { include: { author: true } } },
  });
  assert.deepEqual(
    bridge.bylines.map((b) => b.author.name),
    ["Valley Wire staff"],
    "the source's default byline",
  );

  const again = await poll.pollSource(t.db, source.id);
  assert.deepEqual([again?.imported, again?.updated], [0, 0]);

  feeds.set("/rss", {
    type: "application/rss+xml",
    body: rss(
      rssItem(
        "wire-1",
        "Dam inspection finds five cracks",
        "<p>Engineers found <b>five</b> cracks.</p>",
        "<dc:creator>Ana Ruiz</dc:creator>",
      ),
    ),
  });
  const update = await poll.pollSource(t.db, source.id);
  assert.equal(update?.updated, 1);
  const updated = await t.db.article.findUniqueOrThrow({ where: { id: dam.id }, include: { revisions: true } });
  assert.equal(updated.headline, "Dam inspection finds five cracks");
  assert.equal(updated.body, "Engineers found **five** cracks.");
  assert.equal(updated.version, 2);
  assert.equal(updated.revisions.length, 2);
  assert.equal(await t.db.article.count(), 2, "no duplicate");
  const recorded = await t.db.ingestSource.findUniqueOrThrow({ where: { id: source.id } });
  assert.deepEqual([recorded.lastPollOk, recorded.lastTaken, recorded.totalTaken], [true, 1, 3]);
});

test("a story an editor has published is not overwritten by the wire's next version", async () => {
  feeds.set("/rss", { type: "application/rss+xml", body: rss(rssItem("wire-9", "Storm warning", "<p>Winds of 90 km/h.</p>")) });
  const source = await addSource("/rss");
  await poll.pollSource(t.db, source.id);
  await t.db.article.updateMany({
    where: { externalId: "feed:wire-9" },
    data: { status: "PUBLISHED", publishedAt: new Date(), body: "Edited by the desk." },
  });
  feeds.set("/rss", { type: "application/rss+xml", body: rss(rssItem("wire-9", "Storm warning upgraded", "<p>Winds of 120 km/h.</p>")) });
  const lines: string[] = [];
  const summary = await poll.pollSource(t.db, source.id, { log: (l) => lines.push(l) });
  assert.equal(summary?.updated, 0);
  assert.ok(lines.some((l) => l.includes("an editor has published the story here")));
  assert.equal((await t.db.article.findFirstOrThrow({ where: { externalId: "feed:wire-9" } })).body, "Edited by the desk.");
});

test("a publishing source puts items live, and one dated in the future is scheduled", async () => {
  const future = new Date(Date.now() + 86_400_000).toUTCString();
  feeds.set("/rss", {
    type: "application/rss+xml",
    body: rss(
      rssItem("live-1", "Results are in", "<p>Turnout 61%.</p>"),
      rssItem("live-2", "Embargoed report", "<p>Later.</p>").replace(/<pubDate>[^<]*<\/pubDate>/, `<pubDate>${future}</pubDate>`),
    ),
  });
  const source = await addSource("/rss", { publish: true });
  await poll.pollSource(t.db, source.id);
  const live = await t.db.article.findFirstOrThrow({ where: { externalId: "feed:live-1" } });
  assert.equal(live.status, "PUBLISHED");
  assert.equal(live.publishedAt?.toISOString(), "2026-11-30T09:00:00.000Z");
  assert.equal((await t.db.article.findFirstOrThrow({ where: { externalId: "feed:live-2" } })).status, "SCHEDULED");
});

test("Atom and ninjs (1.x and 2.x) are read too; a withdrawn ninjs item is skipped with the reason", async () => {
  feeds.set("/atom", {
    type: "application/atom+xml",
    body: `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
      <entry><id>urn:uuid:atom-1</id><title>Ferry strike called off</title><updated>2026-11-30T10:00:00Z</updated>
      <author><name>Lea Moser</name></author><category term="transport" label="Transport"/>
      <summary>Talks succeeded.</summary><content type="html">&lt;p&gt;Talks &lt;em&gt;succeeded&lt;/em&gt; overnight.&lt;/p&gt;</content></entry></feed>`,
  });
  feeds.set("/ninjs", {
    type: "application/json",
    body: JSON.stringify({
      items: [
        {
          uri: "urn:ninjs:1",
          type: "text",
          headline: "Council passes budget",
          body_html: "<p>By 31 votes to 12.</p>",
          byline: "By Sam Osei",
          description_text: "A close vote.",
          subject: [{ name: "Politics" }],
          versioncreated: "2026-11-30T11:00:00Z",
        },
        {
          uri: "urn:ninjs:2",
          type: "text",
          headlines: [{ value: "Museum reopens" }],
          bodies: [{ role: "main", contenttype: "text/html", value: "<p>After two years.</p>" }],
          descriptions: [{ value: "Doors open at nine." }],
          versioncreated: "2026-11-30T12:00:00Z",
        },
        { uri: "urn:ninjs:3", type: "text", headline: "Withdrawn story", body_html: "<p>Kill.</p>", pubstatus: "canceled" },
      ],
    }),
  });
  const lines: string[] = [];
  await poll.pollSource(t.db, (await addSource("/atom")).id);
  await t.db.ingestSource.deleteMany();
  await poll.pollSource(t.db, (await addSource("/ninjs")).id, { log: (l) => lines.push(l) });
  const atom = await t.db.article.findFirstOrThrow({
    where: { externalId: "feed:urn:uuid:atom-1" },
    include: { bylines: { include: { author: true } }, tags: { include: { tag: true } } },
  });
  assert.equal(atom.body, "Talks _succeeded_ overnight.");
  assert.equal(atom.standfirst, "Talks succeeded.");
  assert.deepEqual(
    atom.bylines.map((b) => b.author.name),
    ["Lea Moser"],
  );
  assert.deepEqual(
    atom.tags.map((x) => x.tag.name),
    ["Transport"],
  );
  const budget = await t.db.article.findFirstOrThrow({
    where: { externalId: "feed:urn:ninjs:1" },
    include: { bylines: { include: { author: true } } },
  });
  assert.equal(budget.standfirst, "A close vote.");
  assert.deepEqual(
    budget.bylines.map((b) => b.author.name),
    ["Sam Osei"],
  );
  const museum = await t.db.article.findFirstOrThrow({ where: { externalId: "feed:urn:ninjs:2" } });
  assert.deepEqual([museum.headline, museum.body, museum.standfirst], ["Museum reopens", "After two years.", "Doors open at nine."]);
  assert.equal(await t.db.article.count({ where: { externalId: "feed:urn:ninjs:3" } }), 0);
  assert.ok(lines.some((l) => l.includes('skipped: item "Withdrawn story": the agency has withdrawn it')));
});

test("a source that fails says why on the source, and nothing is written", async () => {
  feeds.set("/down", { status: 503, type: "text/plain", body: "maintenance" });
  feeds.set("/garbage", { type: "text/html", body: "<html><body>Not a feed</body></html>" });
  const down = await addSource("/down");
  assert.equal(await poll.pollSource(t.db, down.id), null);
  assert.match((await t.db.ingestSource.findUniqueOrThrow({ where: { id: down.id } })).lastError, /answered 503/);
  await t.db.ingestSource.deleteMany();
  const garbage = await addSource("/garbage");
  await poll.pollSource(t.db, garbage.id);
  const recorded = await t.db.ingestSource.findUniqueOrThrow({ where: { id: garbage.id } });
  assert.equal(recorded.lastPollOk, false);
  assert.match(recorded.lastError, /neither an RSS or Atom feed nor ninjs/);
  assert.equal(await t.db.article.count(), 0);
});

test("only sources whose interval has passed are polled, once each", async () => {
  feeds.set("/a", { type: "application/rss+xml", body: rss(rssItem("due-1", "Due item", "<p>x</p>")) });
  feeds.set("/b", { type: "application/rss+xml", body: rss(rssItem("due-2", "Not due item", "<p>y</p>")) });
  const due = await addSource("/a", { intervalMinutes: 5 });
  await t.db.ingestSource.create({ data: { name: "Fresh", url: `${base}/b`, intervalMinutes: 5, lastPolledAt: new Date() } });
  await t.db.ingestSource.update({ where: { id: due.id }, data: { lastPolledAt: new Date(Date.now() - 6 * 60_000) } });
  assert.equal(await schedule.pollDueSources(t.db), 1);
  assert.deepEqual([requests.get("/a"), requests.get("/b")], [1, undefined]);
  assert.equal(await schedule.pollDueSources(t.db), 0, "just polled: not due again");
  assert.equal(requests.get("/a"), 1);
});
