/**
 * WordPress's export (Tools → Export, WXR 1.2) as stories to write: posts and pages with their
 * author's display name, categories and tags, featured image, excerpt, times and old permalink.
 *
 * The file is read as a stream, one `<item>` at a time, each parsed by fast-xml-parser: memory
 * holds one item, the authors and the attachments' addresses, whatever the size of the export.
 * Two passes: the first learns the attachments (a featured image may come after its post) and
 * counts the stories, the second yields them.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { squish } from "@/lib/text";
import type { ArchiveImage, ArchiveStory, SkippedEntry } from "./archive";
import { legacyPathOf } from "./legacy-path";
import { exportedMediaFile } from "./media-file";
import { htmlToMarkdown } from "./html-to-markdown";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => name === "category" || name === "wp:postmeta" || name === "wp:author",
});

type Node = Record<string, unknown>;
const str = (value: unknown): string => {
  if (value === undefined || value === null) return "";
  if (typeof value === "object") return str((value as Node)["#text"]);
  return String(value);
};

/** The chunks of a file between `<tag>` and `</tag>`, outside CDATA sections and comments, read as a stream. */
async function* elements(file: string, tag: string): AsyncGenerator<string> {
  const open = new RegExp(`<${tag}[\\s>]`, "g");
  const close = `</${tag}>`;
  let buffer = "";
  let start = -1; // where the element being read begins, or -1 between elements
  let scan = 0; // where the search resumes
  // Next positions of the markers, found once and kept until passed (-2: not looked for yet).
  let nextCdata = -2;
  let nextComment = -2;
  const find = (cached: number, marker: string) => (cached >= scan ? cached : cached === -1 ? -1 : buffer.indexOf(marker, scan));
  for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 })) {
    buffer += chunk as string;
    if (nextCdata === -1) nextCdata = -2;
    if (nextComment === -1) nextComment = -2;
    for (;;) {
      if (start < 0) {
        open.lastIndex = scan;
        const found = open.exec(buffer);
        if (!found) break;
        start = found.index;
        scan = start + tag.length + 1;
      }
      const nextClose = buffer.indexOf(close, scan);
      nextCdata = find(nextCdata, "<![CDATA[");
      nextComment = find(nextComment, "<!--");
      const skipFrom = [nextCdata, nextComment].filter((i) => i >= 0 && (nextClose < 0 || i < nextClose));
      if (skipFrom.length > 0) {
        const from = Math.min(...skipFrom);
        const terminator = from === nextCdata ? "]]>" : "-->";
        const end = buffer.indexOf(terminator, from);
        if (end < 0) break; // the section ends in a later chunk
        scan = end + terminator.length;
        continue;
      }
      if (nextClose < 0) break;
      scan = nextClose + close.length;
      yield buffer.slice(start, scan);
      start = -1;
    }
    // Drop what has been read, once per chunk; keep a tail that may hold the start of a tag.
    const cut = start >= 0 ? start : Math.max(0, Math.min(scan, buffer.length - tag.length - 2));
    buffer = buffer.slice(cut);
    if (start >= 0) start -= cut;
    scan -= cut;
    nextCdata = nextCdata >= cut ? nextCdata - cut : nextCdata === -1 ? -1 : -2;
    nextComment = nextComment >= cut ? nextComment - cut : nextComment === -1 ? -1 : -2;
  }
}

/** The channel's header (everything before the first item): the site's authors. */
async function readHeader(file: string): Promise<Map<string, string>> {
  const authors = new Map<string, string>();
  let header = "";
  for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 16 })) {
    header += chunk as string;
    const firstItem = header.indexOf("<item>");
    if (firstItem >= 0) {
      header = header.slice(0, firstItem);
      break;
    }
    if (header.length > 50 << 20) throw new Error("This file has no <item> in its first 50 MB: it is not a WordPress export.");
  }
  if (!/<rss[\s>]/.test(header) || !header.includes("wordpress.org/export/")) {
    throw new Error("This is not a WordPress export (WXR): export again from Tools → Export.");
  }
  for (const match of header.matchAll(/<wp:author>[\s\S]*?<\/wp:author>/g)) {
    const author = (parser.parse(match[0]) as { "wp:author": Node[] })["wp:author"][0];
    const login = str(author["wp:author_login"]);
    const name =
      squish(str(author["wp:author_display_name"])) ||
      squish(`${str(author["wp:author_first_name"])} ${str(author["wp:author_last_name"])}`) ||
      login;
    if (login) authors.set(login, name);
  }
  return authors;
}

type Attachment = { url: string; alt: string; caption: string };

const meta = (item: Node, key: string): string =>
  str(((item["wp:postmeta"] as Node[] | undefined) ?? []).find((m) => str(m["wp:meta_key"]) === key)?.["wp:meta_value"]);

const STORY_TYPES = new Set(["post", "page"]);

/** First pass: the attachments by id, and how many stories there are (for progress). */
async function survey(file: string): Promise<{ attachments: Map<string, Attachment>; stories: number }> {
  const attachments = new Map<string, Attachment>();
  let stories = 0;
  for await (const chunk of elements(file, "item")) {
    const item = (parser.parse(chunk) as { item: Node }).item;
    const type = str(item["wp:post_type"]);
    if (type === "attachment") {
      attachments.set(str(item["wp:post_id"]), {
        url: str(item["wp:attachment_url"]) || str(item.guid),
        alt: squish(meta(item, "_wp_attachment_image_alt")),
        caption: squish(stripTags(str(item["excerpt:encoded"]))),
      });
    } else if (STORY_TYPES.has(type)) stories++;
  }
  return { attachments, stories };
}

/** An upload's address ("https://site/wp-content/uploads/2024/05/a-300x200.jpg") as a file in the media folder. */
export function wordpressMediaFile(src: string, mediaDir: string | null): string | null {
  return exportedMediaFile(src, mediaDir, {
    uploads: /\/wp-content\/uploads\/(.+)$/,
    layouts: [path.join("wp-content", "uploads")],
    // A sized copy ("photo-300x200.jpg") finds its original when only originals were handed over.
    variants: (relative) => [relative, relative.replace(/-\d+x\d+(\.\w+)$/, "$1")],
  });
}

const STATUSES: Record<string, ArchiveStory["status"]> = { publish: "PUBLISHED", future: "SCHEDULED", draft: "DRAFT", pending: "DRAFT" };

/** "2024-05-02 07:15:00" in UTC (WordPress's `_gmt` columns), or null for its zero date. */
function gmtDate(value: string): Date | null {
  if (!value || value.startsWith("0000")) return null;
  const date = new Date(`${value.replace(" ", "T")}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

export type WxrImport = { total: number; stories: AsyncGenerator<ArchiveStory | SkippedEntry> };

/** Reads the export's header and attachments, then streams its posts and pages as stories. */
export async function readWxr(file: string, { mediaDir = null as string | null } = {}): Promise<WxrImport> {
  const authors = await readHeader(file);
  const { attachments, stories } = await survey(file);
  return { total: stories, stories: wxrStories(file, authors, attachments, mediaDir) };
}

async function* wxrStories(
  file: string,
  authors: Map<string, string>,
  attachments: Map<string, Attachment>,
  mediaDir: string | null,
): AsyncGenerator<ArchiveStory | SkippedEntry> {
  const otherTypes = new Map<string, number>();
  for await (const chunk of elements(file, "item")) {
    let item: Node;
    try {
      item = (parser.parse(chunk) as { item: Node }).item;
    } catch (error) {
      yield { skipped: `an item near "${chunk.slice(0, 60)}"`, reason: `not valid XML: ${(error as Error).message}` };
      continue;
    }
    const type = str(item["wp:post_type"]);
    if (!STORY_TYPES.has(type)) {
      if (type !== "attachment") otherTypes.set(type || "untyped", (otherTypes.get(type || "untyped") ?? 0) + 1);
      continue;
    }
    const title = squish(str(item.title));
    const name = `${type} "${title || str(item["wp:post_id"])}"`;
    const wpStatus = str(item["wp:status"]);
    if (wpStatus === "trash" || wpStatus === "auto-draft" || wpStatus === "inherit") {
      yield { skipped: name, reason: `its WordPress status is "${wpStatus}"` };
      continue;
    }
    const guid = str(item.guid) || `${str(item.link)}#${str(item["wp:post_id"])}`;
    const warnings: string[] = [];
    let status = STATUSES[wpStatus];
    if (!status) {
      status = "DRAFT";
      warnings.push(`its WordPress status "${wpStatus}" became a draft`);
    }
    if (str(item["wp:post_password"])) {
      if (status !== "DRAFT") warnings.push("it was password-protected in WordPress: imported as a draft");
      status = "DRAFT";
    }
    let publishedAt = gmtDate(str(item["wp:post_date_gmt"])) ?? (item.pubDate ? new Date(str(item.pubDate)) : null);
    if (publishedAt && Number.isNaN(publishedAt.getTime())) publishedAt = null;
    if (status !== "DRAFT" && !publishedAt) {
      warnings.push("it has no publication date: imported as a draft");
      status = "DRAFT";
    }
    const modified = gmtDate(str(item["wp:post_modified_gmt"]));
    const converted = htmlToMarkdown(wordpressHtml(str(item["content:encoded"]), warnings));
    warnings.push(...converted.warnings);
    const login = str(item["dc:creator"]);
    const author = authors.get(login) ?? login;
    const categories = ((item.category as Node[] | undefined) ?? [])
      .map((c) => ({ domain: str(c["@_domain"]), name: squish(str(c)) }))
      .filter((c) => c.name && !(c.domain === "category" && c.name === "Uncategorized"));
    const tags = [...categories.filter((c) => c.domain === "category"), ...categories.filter((c) => c.domain !== "category")].map(
      (c) => c.name,
    );
    const thumbnail = attachments.get(meta(item, "_thumbnail_id"));
    const image = (src: string, alt: string, caption: string): ArchiveImage => ({
      src,
      file: wordpressMediaFile(src, mediaDir),
      alt,
      caption,
    });
    let slug = str(item["wp:post_name"]);
    try {
      slug = decodeURIComponent(slug);
    } catch {
      // Kept as it is.
    }
    const legacyPath = status === "PUBLISHED" ? legacyPathOf(str(item.link)) : null;
    yield {
      externalId: `wxr:${guid}`,
      fingerprint: createHash("sha256").update(chunk).digest("hex"),
      headline: title || "(Untitled)",
      slug,
      standfirst: squish(stripTags(str(item["excerpt:encoded"]))),
      body: converted.markdown,
      source: "",
      dateline: "",
      status,
      publishedAt: status === "DRAFT" ? null : publishedAt,
      modifiedAt: status !== "DRAFT" && publishedAt && modified && modified > publishedAt ? modified : null,
      createdAt: publishedAt ?? modified,
      authors: author ? [{ name: author }] : [],
      tags,
      leadImage: thumbnail ? image(thumbnail.url, thumbnail.alt, thumbnail.caption) : null,
      bodyImages: converted.images.map((i) => image(i.src, i.alt, i.caption)),
      legacyPaths: legacyPath ? [legacyPath] : [],
      related: [],
      warnings: title ? warnings : [...warnings, "it had no title"],
    };
  }
  for (const [type, count] of otherTypes) yield { skipped: `${count} ${type} entr${count === 1 ? "y" : "ies"}`, reason: "not stories" };
}

const BLOCK_START = /^\s*<(p|h[1-6]|ul|ol|li|blockquote|figure|div|table|pre|hr|iframe|img|section|!--)[\s>/]/i;

/**
 * Post content as WordPress stores it, made into plain HTML: paragraphs from blank lines (what
 * WordPress's wpautop does on display), `[caption]` shortcodes as figures, `[embed]` as links;
 * other shortcodes are kept as text and named in a warning.
 */
export function wordpressHtml(content: string, warnings: string[]): string {
  let html = content.replace(/\r\n?/g, "\n");
  html = html.replace(/\[caption[^\]]*\]([\s\S]*?)\[\/caption\]/g, (_whole, inner: string) => {
    const image = /<img[^>]*>/i.exec(inner)?.[0] ?? "";
    const caption = squish(stripTags(inner.replace(/<a[^>]*>\s*<img[^>]*>\s*<\/a>|<img[^>]*>/i, "")));
    return `<figure>${image}<figcaption>${caption}</figcaption></figure>`;
  });
  html = html.replace(/\[embed\]([^[]+)\[\/embed\]/g, (_whole, url: string) => `<p><a href="${url.trim()}">${url.trim()}</a></p>`);
  const shortcodes = new Set([...html.matchAll(/\[([a-z_-]+)[^\]]*\]/gi)].map((m) => m[1].toLowerCase()));
  for (const code of shortcodes) warnings.push(`the [${code}] shortcode has no equivalent here: kept as text`);
  return html
    .split(/\n\s*\n/)
    .map((block) => (BLOCK_START.test(block) || !block.trim() ? block : `<p>${block.trim().replace(/\n/g, "<br>")}</p>`))
    .join("\n");
}

const stripTags = (html: string) =>
  html
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&");
