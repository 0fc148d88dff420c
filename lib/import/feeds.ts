/**
 * Wire copy as stories to write: RSS 2.0 and Atom feeds, and IPTC ninjs JSON (1.x and 2.x, one item,
 * a list, or `{ "items": […] }`). Items are known by their GUID/id/URI, so the same item arriving
 * again is found, and a newer version of it (a changed fingerprint) updates its story. Pure.
 */
import { createHash } from "node:crypto";
import { XMLParser } from "fast-xml-parser";
import { squish } from "@/lib/text";
import type { ArchiveStory, SkippedEntry } from "./archive";
import { htmlToMarkdown } from "./html-to-markdown";

export type FeedDefaults = {
  /** Stories are drafts for the desk, or go live as they arrive. */
  publish: boolean;
  /** The byline when an item names none. */
  defaultAuthor: string | null;
  /** Shown as the story's source ("Reuters"). */
  sourceName: string;
  now: Date;
};

type Item = {
  id: string;
  title: string;
  html: string;
  summary: string;
  published: Date | null;
  updated: Date | null;
  authors: string[];
  tags: string[];
  imageUrl: string | null;
  withdrawn: boolean;
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ["item", "entry", "category", "author", "link", "media:content", "dc:creator", "dc:subject"].includes(name),
});

type Node = Record<string, unknown>;
const str = (value: unknown): string => {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return str(value[0]);
  if (typeof value === "object") return str((value as Node)["#text"]);
  return String(value);
};
const date = (value: unknown): Date | null => {
  const text = str(value);
  if (!text) return null;
  const parsed = new Date(text);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
};
const list = (value: unknown): Node[] => (Array.isArray(value) ? value : value ? [value] : []) as Node[];

/** The items of a feed or ninjs document, whichever it is; a clear error for anything else. */
export function parseWire(body: string): Item[] {
  const text = body.replace(/^\uFEFF/, "").trimStart();
  if (text.startsWith("{") || text.startsWith("[")) return ninjsItems(text);
  let document: Node;
  try {
    document = parser.parse(text) as Node;
  } catch (error) {
    throw new Error(`This is not valid XML: ${(error as Error).message}`);
  }
  const rss = document.rss as Node | undefined;
  if (rss) return list((rss.channel as Node | undefined)?.item).map(rssItem);
  const feed = document.feed as Node | undefined;
  if (feed) return list(feed.entry).map(atomEntry);
  throw new Error("This is neither an RSS or Atom feed nor ninjs JSON.");
}

function rssItem(item: Node): Item {
  const media = list(item["media:content"]).find((m) => /^image\//.test(str(m["@_type"])) || str(m["@_medium"]) === "image");
  const enclosure = item.enclosure as Node | undefined;
  return {
    id: str(item.guid) || str(item.link),
    title: str(item.title),
    html: str(item["content:encoded"]) || str(item.description),
    summary: item["content:encoded"] ? str(item.description) : "",
    published: date(item.pubDate) ?? date(item["dc:date"]),
    updated: date(item["atom:updated"]) ?? date(item["dc:modified"]),
    authors: [...list(item["dc:creator"]).map(str), str(item.author).replace(/^\S+@\S+\s*\((.*)\)$/, "$1")].filter(Boolean),
    tags: [...list(item.category), ...list(item["dc:subject"])].map(str).filter(Boolean),
    imageUrl: media ? str(media["@_url"]) : enclosure && /^image\//.test(str(enclosure["@_type"])) ? str(enclosure["@_url"]) : null,
    withdrawn: false,
  };
}

function atomEntry(entry: Node): Item {
  const links = list(entry.link);
  const alternate = links.find((l) => !l["@_rel"] || l["@_rel"] === "alternate");
  const image = links.find((l) => l["@_rel"] === "enclosure" && /^image\//.test(str(l["@_type"])));
  const content = entry.content as Node | string | undefined;
  const type = typeof content === "object" ? str(content["@_type"]) : "text";
  const body = str(content);
  return {
    id: str(entry.id) || str(alternate?.["@_href"]),
    title: str(entry.title),
    html: type === "html" || type === "xhtml" ? body : body ? `<p>${escapeHtml(body)}</p>` : str(entry.summary),
    summary: body ? str(entry.summary) : "",
    published: date(entry.published) ?? date(entry.updated),
    updated: date(entry.updated),
    authors: list(entry.author)
      .map((a) => str(a.name))
      .filter(Boolean),
    tags: list(entry.category)
      .map((c) => str(c["@_label"]) || str(c["@_term"]))
      .filter(Boolean),
    imageUrl: image ? str(image["@_href"]) : null,
    withdrawn: false,
  };
}

type Ninjs = Record<string, unknown>;

function ninjsItems(text: string): Item[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`This is not valid JSON: ${(error as Error).message}`);
  }
  const items = Array.isArray(json) ? json : ((json as { items?: unknown[] }).items ?? [json]);
  return (items as Ninjs[]).filter((i) => i && typeof i === "object").map(ninjsItem);
}

/** ninjs 1.x keeps one headline and `body_html`; 2.x has lists of headlines, bodies and descriptions by role. */
function ninjsItem(item: Ninjs): Item {
  const first = (key: string, field = "value") => {
    const values = item[key];
    return Array.isArray(values) && values.length ? str((values[0] as Node)[field]) : "";
  };
  const bodies = Array.isArray(item.bodies) ? (item.bodies as Node[]) : [];
  const htmlBody = bodies.find((b) => str(b.contenttype) === "text/html") ?? bodies[0];
  const subjects = Array.isArray(item.subject) ? (item.subject as Node[]) : [];
  const by = str(item.byline);
  const people = Array.isArray(item.people) ? (item.people as Node[]).filter((p) => str(p.rel).includes("author")) : [];
  const images = item.associations && typeof item.associations === "object" ? Object.values(item.associations as Record<string, Node>) : [];
  const picture = images.find((a) => str(a.type) === "picture");
  const renditions = picture?.renditions as Record<string, Node> | undefined;
  return {
    id: str(item.uri) || str(item.guid),
    title: str(item.headline) || first("headlines"),
    html:
      str(item.body_html) ||
      (htmlBody
        ? str(htmlBody.contenttype) === "text/html"
          ? str(htmlBody.value)
          : `<p>${escapeHtml(str(htmlBody.value))}</p>`
        : str(item.body_text)),
    summary: str(item.description_text) || first("descriptions"),
    published: date(item.firstcreated) ?? date(item.versioncreated),
    updated: date(item.versioncreated),
    authors: by ? [by.replace(/^by\s+/i, "")] : people.map((p) => str(p.name)).filter(Boolean),
    tags: subjects.map((s) => str(s.name)).filter(Boolean),
    imageUrl: renditions ? str(Object.values(renditions)[0]?.href) || null : null,
    withdrawn: ["canceled", "withheld"].includes(str(item.pubstatus)),
  };
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The wire's items as stories: drafts for the desk or live stories, by the source's setting. */
export function* wireStories(items: Item[], defaults: FeedDefaults): Generator<ArchiveStory | SkippedEntry> {
  for (const item of items) {
    const title = squish(item.title);
    const name = `item "${title || item.id}"`;
    if (!item.id) {
      yield { skipped: name, reason: "it has no GUID, id or URI, so a later version could not be recognised" };
      continue;
    }
    if (!title) {
      yield { skipped: name, reason: "it has no headline" };
      continue;
    }
    if (item.withdrawn) {
      yield { skipped: name, reason: "the agency has withdrawn it (ninjs pubstatus)" };
      continue;
    }
    const converted = htmlToMarkdown(item.html);
    const publishedAt = item.published ?? defaults.now;
    const status = !defaults.publish ? "DRAFT" : publishedAt > defaults.now ? "SCHEDULED" : "PUBLISHED";
    const authors = item.authors.length ? item.authors : defaults.defaultAuthor ? [defaults.defaultAuthor] : [];
    const fingerprint = createHash("sha256")
      .update(JSON.stringify([title, item.html, item.summary, item.authors, item.tags, item.imageUrl]))
      .digest("hex");
    yield {
      externalId: `feed:${item.id}`,
      fingerprint,
      headline: title,
      slug: "",
      standfirst: squish(item.summary.replace(/<[^>]*>/g, " ")),
      body: converted.markdown,
      source: defaults.sourceName,
      dateline: "",
      status,
      publishedAt: status === "DRAFT" ? null : publishedAt,
      modifiedAt: null,
      createdAt: null,
      authors: [...new Set(authors.map(squish).filter(Boolean))].map((a) => ({ name: a })),
      tags: item.tags.map(squish).filter(Boolean),
      leadImage: null,
      bodyImages: converted.images.map((i) => ({ src: i.src, file: null, alt: i.alt, caption: i.caption })),
      legacyPaths: [],
      related: [],
      warnings: [
        ...converted.warnings,
        ...(item.imageUrl ? [`its picture ${item.imageUrl} was not fetched: add it from the library`] : []),
      ],
    };
  }
}
