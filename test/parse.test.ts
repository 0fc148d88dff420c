import { test } from "node:test";
import assert from "node:assert/strict";
import { parseByline, parseDocument, type ParsedDocument } from "@/lib/import/parse";
import { makeDocument, seedText, SEED_FILE } from "./support/seed";

function parsed(text: string, file = "doc.txt"): ParsedDocument {
  const result = parseDocument(text, file);
  if (!result.ok) assert.fail(result.error);
  return result.document;
}

function errorOf(text: string, file = "bad.txt"): string {
  const result = parseDocument(text, file);
  assert.equal(result.ok, false, "the document should have been rejected");
  return (result as { error: string }).error;
}

test("the seed document: every field lands in its place", () => {
  const doc = parsed(seedText(), SEED_FILE);
  assert.equal(doc.publishedAt.toISOString(), "2013-01-14T00:00:00.000Z");
  assert.equal(doc.headline, "Mali Islamists threaten to hit at heart of France as they push south");
  assert.equal(
    doc.standfirst,
    "Local government official reports jihadists have seized Diabaly, some 400 kilometres north of capital Bamako.",
  );
  assert.equal(doc.source, "Middle East Online");
  assert.deepEqual(doc.authors, ["Serge Daniel"]);
  assert.equal(doc.dateline, "BAMAKO");
  assert.equal(doc.caption, "Will surprise factor help in pushing back Islamists?");

  // Independently of the parser: the body is every paragraph between the caption and the related block.
  const blocks = seedText().split("\n\n\n");
  const mainParagraphs = blocks[3].split("\n\n").map((p) => p.trim());
  const expectedBody = mainParagraphs.slice(3);
  assert.equal(expectedBody.length, 29);
  assert.deepEqual(doc.paragraphs, expectedBody);
  assert.ok(doc.paragraphs[0].startsWith("Islamist forces on Monday seized control"));
  assert.ok(doc.paragraphs.at(-1)!.startsWith("The Islamists took advantage of a power vacuum"));

  const expectedRelated = blocks[4]
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  assert.equal(doc.related.length, 45);
  assert.deepEqual(doc.related, expectedRelated);
  assert.equal(doc.related[0], "Russia prepares retaliation against Turkey");
  assert.equal(doc.related.at(-1), "Russia bombs ISIS in heaviest strikes since beginning of Syria war");
});

test("the content hash ignores line endings, a byte-order mark and the file name", () => {
  const lf = parsed(seedText(), "a.txt");
  const crlf = parsed("\uFEFF" + seedText().replace(/\n/g, "\r\n"), "b.txt");
  assert.equal(crlf.hash, lf.hash);
  assert.deepEqual({ ...crlf, hash: "" }, { ...lf, hash: "" });
  const edited = parsed(seedText().replace("Sixty Islamists", "Seventy Islamists"));
  assert.notEqual(edited.hash, lf.hash);
});

test("bylines: dashes, no dateline, several authors, non-ASCII names, stray spaces", () => {
  assert.deepEqual(parseByline("By Serge Daniel – BAMAKO"), { authors: ["Serge Daniel"], dateline: "BAMAKO" });
  assert.deepEqual(parseByline("By Serge Daniel — BAMAKO"), { authors: ["Serge Daniel"], dateline: "BAMAKO" });
  assert.deepEqual(parseByline("By Serge Daniel - BAMAKO"), { authors: ["Serge Daniel"], dateline: "BAMAKO" });
  assert.deepEqual(parseByline("By Serge Daniel–BAMAKO"), { authors: ["Serge Daniel"], dateline: "BAMAKO" });
  assert.deepEqual(parseByline("By Jean-Yves Le Drian"), { authors: ["Jean-Yves Le Drian"], dateline: "" });
  assert.deepEqual(parseByline("By Ann Lee and Bob Roe – PARIS"), { authors: ["Ann Lee", "Bob Roe"], dateline: "PARIS" });
  assert.deepEqual(parseByline("By Ann Lee, Bob Roe and Cy Poe – TUNIS"), { authors: ["Ann Lee", "Bob Roe", "Cy Poe"], dateline: "TUNIS" });
  assert.deepEqual(parseByline("By   Zoë Ångström   and  محمد العلي  –   DUBAI "), {
    authors: ["Zoë Ångström", "محمد العلي"],
    dateline: "DUBAI",
  });
});

test("tolerates CRLF, a BOM, whitespace-only blank lines and stray spaces", () => {
  const text = makeDocument({ headline: "  Spaced   headline ", byline: "By  Ann Lee  —  ROME", body: ["  One.  ", "Two."] })
    .replace(/\n\n/g, "\n   \n")
    .replace(/\n/g, "\r\n");
  const doc = parsed("\uFEFF" + text);
  assert.equal(doc.headline, "Spaced headline");
  assert.deepEqual(doc.authors, ["Ann Lee"]);
  assert.equal(doc.dateline, "ROME");
  assert.deepEqual(doc.paragraphs, ["One.", "Two."]);
});

test("a document with no related stories and no standfirst", () => {
  const text = ["First Published: 2021-02-03", "Only a headline", "Source\n\nBy Ann Lee\n\nCaption\n\nBody one."].join("\n\n\n");
  const doc = parsed(text);
  assert.equal(doc.headline, "Only a headline");
  assert.equal(doc.standfirst, "");
  assert.deepEqual(doc.paragraphs, ["Body one."]);
  assert.deepEqual(doc.related, []);
  assert.equal(doc.dateline, "");
});

test("related headlines are trimmed and exact repeats kept once, in order", () => {
  const doc = parsed(makeDocument({ related: ["  B story  ", "A story", "B story", "b story"] }));
  assert.deepEqual(doc.related, ["B story", "A story", "b story"]);
});

test("markup and script stay text", () => {
  const doc = parsed(makeDocument({ headline: "<script>alert(1)</script> & co", body: ["<img src=x onerror=alert(1)>", "**not bold**"] }));
  assert.equal(doc.headline, "<script>alert(1)</script> & co");
  assert.deepEqual(doc.paragraphs, ["<img src=x onerror=alert(1)>", "**not bold**"]);
});

test("bad documents get one clear error naming the file and the problem", () => {
  assert.match(errorOf("", "empty.txt"), /^empty\.txt: the document is empty$/);
  assert.match(errorOf(" \r\n \n"), /^bad\.txt: the document is empty$/);
  assert.match(
    errorOf(makeDocument({}).replace(/^First Published: .*\n/, "")),
    /^bad\.txt: the first line must be "First Published: YYYY-MM-DD"$/,
  );
  assert.match(errorOf(makeDocument({ date: "2013-02-30" })), /"2013-02-30" is not a valid First Published date/);
  assert.match(errorOf(makeDocument({ date: "14/01/2013" })), /"14\/01\/2013" is not a valid First Published date/);
  assert.match(errorOf("First Published: 2013-01-14\n"), /: no headline$/);
  assert.match(errorOf("First Published: 2013-01-14\n\n\nSource\n\nBy A – B\n\nCaption\n\nBody."), /: no headline$/);
  assert.match(errorOf("First Published: 2013-01-14\n\n\nHeadline\n\n\nStandfirst\n\n\nSource\n\nBy A – B\n\nCaption"), /: no body$/);
  assert.match(errorOf("First Published: 2013-01-14\n\n\nHeadline\n\n\nStandfirst"), /: no body$/);
});
