import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useTestDbForApp, type ScratchDb } from "@/test/support/scratch-db";
import { staffActor } from "./support/actor";
import { blankArticleForm } from "./support/article-form";

// Reader search on a small corpus whose right order is known: all words required, headline
// matches above body mentions, the more a story is about the words the higher, on either engine.

let t: ScratchDb;
let reader: typeof import("@/lib/articles/reader");
const headlines: Record<string, string> = {};

before(async () => {
  t = await useTestDbForApp();
  const [articles, schema] = await Promise.all([import("@/lib/articles/mutations"), import("@/lib/articles/schema")]);
  reader = await import("@/lib/articles/reader");
  const { actor } = await staffActor(t.db, "ADMIN");
  const corpus: [string, string, string][] = [
    ["lead", "Volcano erupts near Catania, flights grounded", "The volcano erupted at dawn. Ash over Catania closed the airport."],
    ["aside", "Sicily tourism figures rise", "Hoteliers expect a good season, volcano permitting, near Catania."],
    ["body", "Airport strike ends", "Workers return; the volcano played no part in the dispute."],
    ["other", "Football: Catania promoted", "The club celebrates a return to Serie B."],
  ];
  for (const [key, headline, body] of corpus) {
    const form = schema.articleFormSchema.parse({ ...blankArticleForm, headline, body, intent: "publish" });
    assert.ok((await articles.saveArticle(actor, form)).ok);
    headlines[key] = headline;
  }
});
after(async () => t.drop());

const found = async (query: string) => (await reader.searchPublishedArticles(query, 1)).results.map((r) => r.headline);

test("every word is required, and the story about them ranks first", async () => {
  assert.deepEqual(await found("volcano catania"), [headlines.lead, headlines.aside]);
});

test("a headline match outranks a passing mention in the body", async () => {
  const results = await found("volcano");
  assert.equal(results[0], headlines.lead);
  assert.deepEqual(new Set(results), new Set([headlines.lead, headlines.aside, headlines.body]));
});

test("counts are exact below the cap, and nothing matches nothing", async () => {
  const result = await reader.searchPublishedArticles("catania", 1);
  assert.deepEqual([result.total, result.more, result.pages], [3, false, 1]);
  assert.deepEqual(await found("glacier"), []);
});

test("readers asking the same search at once share one; a story published a moment later is found within a second", async () => {
  const [first, second] = await Promise.all([reader.searchForReaders("Kilauea", 1), reader.searchForReaders("kilauea", 1)]);
  assert.equal(first, second, "the same words at the same moment: one search");
  assert.deepEqual(first.results, []);
  assert.equal(await reader.searchForReaders("Kilauea", 1), first, "asked again within the second: the same results");
  const [articles, schema] = await Promise.all([import("@/lib/articles/mutations"), import("@/lib/articles/schema")]);
  const { actor } = await staffActor(t.db, "EDITOR");
  const form = schema.articleFormSchema.parse({
    ...blankArticleForm,
    headline: "Kilauea lava reaches the sea",
    body: "Lava.",
    intent: "publish",
  });
  assert.ok((await articles.saveArticle(actor, form)).ok);
  const published = Date.now();
  let headlines: string[] = [];
  while (headlines.length === 0 && Date.now() - published < 3_000) {
    headlines = (await reader.searchForReaders("Kilauea", 1)).results.map((r) => r.headline);
    if (headlines.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.deepEqual(headlines, ["Kilauea lava reaches the sea"]);
  // The second the results are kept, and a search's own time.
  assert.ok(Date.now() - published <= 1_500, `found ${Date.now() - published} ms after publishing`);
});

test("a word in more stories than the ranking window: 1,000+ results, as many pages as the window holds, and a page past them is empty", async () => {
  const [{ parseDocument }, { importDocuments }, { syntheticDocuments }, { RANK_WINDOW }] = await Promise.all([
    import("@/lib/import/parse"),
    import("@/lib/import/import"),
    import("@/test/support/synthetic"),
    import("@/lib/search"),
  ]);
  // Every synthetic headline gains the word, so all RANK_WINDOW + 5 stories match it.
  const documents = syntheticDocuments(RANK_WINDOW + 5, 77).map((text) => {
    const parsed = parseDocument(text.replace(/^(First Published: .*\n\n\n.*?)(\n)/, "$1 quokkas$2"), "window.txt");
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.document;
  });
  await importDocuments(t.db, documents);
  const first = await reader.searchPublishedArticles("quokkas", 1);
  const perPage = first.results.length;
  assert.deepEqual([first.total, first.more, first.pages], [RANK_WINDOW, true, RANK_WINDOW / perPage]);
  const past = await reader.searchPublishedArticles("quokkas", first.pages + 1);
  assert.deepEqual([past.total, past.more, past.results.length], [RANK_WINDOW, true, 0]);
});
