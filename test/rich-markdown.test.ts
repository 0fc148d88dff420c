import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { paragraphsToMarkdown } from "@/lib/articles/markdown";
import { parseBody, roundTrips, serializeBody } from "@/lib/articles/rich-markdown";
import { parseDocument } from "@/lib/import/parse";

/** What Byline's own tools write: the toolbar's forms, the importer's escaping, pictures from the library. */
const CORPUS = [
  "Plain paragraph.\n\nAnother one.",
  "Some **bold**, some _italic_, some *italic too* and __bold too__.",
  "## A heading\n\nText under it.\n\n### A smaller one",
  "> A quote\n> over two lines\n\nAfter it.",
  "- one\n- two\n- three",
  "* star one\n* star two",
  "1. first\n2. second",
  "Read [the report](https://example.org/report) today.",
  "First line\nsecond line of the same paragraph.",
  `![Boats at dawn](/media/${"a".repeat(64)})\n\nText after the picture.`,
  "Escaped \\*asterisks\\* and \\_underscores\\_ stay text.",
  "A rule\n\n---\n\nbelow.",
  "Code `inline` and\n\n```\nblock\n```",
];

test("Markdown → editor → Markdown gives the same bytes for every seed document as imported", () => {
  const seeds = readdirSync("seeds").filter((f) => f.endsWith(".txt"));
  assert.ok(seeds.length > 0);
  for (const file of seeds) {
    const parsed = parseDocument(readFileSync(path.join("seeds", file), "utf8"), file);
    assert.ok(parsed.ok, file);
    const body = paragraphsToMarkdown(parsed.document.paragraphs);
    assert.equal(serializeBody(parseBody(body)), body, file);
  }
});

test("…and for the test corpus: emphasis and bullet markers, line breaks, links, quotes, lists, headings and pictures as written", () => {
  for (const markdown of CORPUS) assert.equal(serializeBody(parseBody(markdown)), markdown);
});

test("text the rich editor cannot show unchanged is recognised, so it opens as Markdown instead of being rewritten", () => {
  for (const markdown of ["~~struck~~ text", "Setext heading\n=============="]) {
    assert.equal(roundTrips(markdown), false, markdown);
  }
  assert.equal(roundTrips(CORPUS[1]), true);
});
