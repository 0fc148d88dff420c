/**
 * The seed-document parser: text in, a parsed document or one precise error out. Pure (no I/O).
 *
 * The format: a `First Published: YYYY-MM-DD` line, then blocks separated by two blank lines —
 * the headline; the standfirst; the main block (source, `By NAME[ and NAME…] – DATELINE`,
 * the photo caption, then the body paragraphs, one blank line apart); and, last, the
 * related-story headlines, one per line.
 */
import { createHash } from "node:crypto";
import { squish } from "@/lib/text";

export type ParsedDocument = {
  /** sha256 of the normalised text: the same document under another file name has the same hash. */
  hash: string;
  /** Midnight UTC of the First Published date. */
  publishedAt: Date;
  headline: string;
  standfirst: string;
  source: string;
  authors: string[];
  dateline: string;
  caption: string;
  paragraphs: string[];
  related: string[];
};

export type ParseResult = { ok: true; document: ParsedDocument } | { ok: false; error: string };

type Paragraph = { text: string; lines: string[]; blankLinesBefore: number };

/** Removes the byte-order mark, unifies line endings and drops control characters other than tab and newline. */
export function normaliseText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
    .split("\n")
    .map((line) => line.replace(/\s+$/u, ""))
    .join("\n")
    .trim();
}

function paragraphsOf(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let blank = 0;
  let current: Paragraph | null = null;
  for (const line of text.split("\n")) {
    if (line.trim() === "") {
      blank++;
      current = null;
      continue;
    }
    if (current) {
      current.lines.push(squish(line));
      current.text = current.lines.join(" ");
    } else {
      current = { text: squish(line), lines: [squish(line)], blankLinesBefore: blank };
      paragraphs.push(current);
    }
    blank = 0;
  }
  return paragraphs;
}

/** Groups paragraphs into blocks: two or more blank lines start a new block. */
function blocksOf(paragraphs: Paragraph[]): Paragraph[][] {
  const blocks: Paragraph[][] = [];
  for (const paragraph of paragraphs) {
    if (blocks.length === 0 || paragraph.blankLinesBefore >= 2) blocks.push([paragraph]);
    else blocks[blocks.length - 1].push(paragraph);
  }
  return blocks;
}

const FIRST_PUBLISHED = /^first\s+published\s*:\s*(\S+)$/i;

function parseDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? date : null;
}

const BYLINE = /^by\s+/i;
// An en or em dash separates the names from the dateline with or without spaces; a plain
// hyphen only with a space before it, since it also joins names (Jean-Yves).
const DATELINE_SEPARATOR = /\s*[–—]\s*|\s+-+\s*/;

export function parseByline(line: string): { authors: string[]; dateline: string } {
  const rest = line.replace(BYLINE, "");
  const separator = DATELINE_SEPARATOR.exec(rest);
  const names = separator ? rest.slice(0, separator.index) : rest;
  const dateline = separator ? squish(rest.slice(separator.index + separator[0].length)) : "";
  const authors: string[] = [];
  for (const name of names.split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/i)) {
    const clean = squish(name);
    if (clean && !authors.includes(clean)) authors.push(clean);
  }
  return { authors, dateline };
}

/** Parses one document. `fileName` only labels the error. */
export function parseDocument(raw: string, fileName: string): ParseResult {
  const fail = (reason: string): ParseResult => ({ ok: false, error: `${fileName}: ${reason}` });
  const text = normaliseText(raw);
  if (text === "") return fail("the document is empty");

  const [first, ...rest] = paragraphsOf(text);
  const dateMatch = FIRST_PUBLISHED.exec(first.lines[0]);
  if (!dateMatch) return fail('the first line must be "First Published: YYYY-MM-DD"');
  const publishedAt = parseDate(dateMatch[1]);
  if (!publishedAt) return fail(`"${dateMatch[1]}" is not a valid First Published date (YYYY-MM-DD)`);
  if (first.lines.length > 1) rest.unshift({ text: first.lines.slice(1).join(" "), lines: first.lines.slice(1), blankLinesBefore: 2 });

  const blocks = blocksOf(rest);
  // The main block is the first with more than one paragraph (source, byline, caption, body…).
  const mainIndex = blocks.findIndex((block) => block.length > 1);
  if (blocks.length === 0 || mainIndex === 0) return fail("no headline");
  if (mainIndex === -1) return fail("no body");
  if (mainIndex > 2) return fail(`expected a headline and a standfirst before the source line, found ${mainIndex} blocks`);

  const headline = blocks[0].map((p) => p.text).join(" ");
  const standfirst = mainIndex === 2 ? blocks[1].map((p) => p.text).join(" ") : "";

  const main = blocks[mainIndex].map((p) => p.text);
  const source = main[0];
  let cursor = 1;
  let authors: string[] = [];
  let dateline = "";
  if (BYLINE.test(main[cursor] ?? "")) {
    ({ authors, dateline } = parseByline(main[cursor]));
    cursor++;
  }
  const caption = main[cursor] ?? "";
  cursor++;

  // Blocks between the main block and the last one are body text that had a double gap.
  const trailing = blocks.slice(mainIndex + 1);
  const relatedBlock = trailing.length > 0 ? trailing[trailing.length - 1] : [];
  const paragraphs = [
    ...main.slice(cursor),
    ...trailing
      .slice(0, -1)
      .flat()
      .map((p) => p.text),
  ];
  if (paragraphs.length === 0) return fail("no body");

  const related: string[] = [];
  for (const label of relatedBlock.flatMap((p) => p.lines)) {
    if (label && !related.includes(label)) related.push(label);
  }

  const hash = createHash("sha256").update(text).digest("hex");
  return {
    ok: true,
    document: { hash, publishedAt, headline, standfirst, source, authors, dateline, caption, paragraphs, related },
  };
}
