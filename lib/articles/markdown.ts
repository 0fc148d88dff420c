/**
 * Article bodies are Markdown. Rendering never lets raw HTML through (markdown-it with
 * html: false escapes it) and drops links whose scheme is not http(s), mailto or relative.
 */
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { cropSize, renditionUrl, srcset, type PublicImage } from "@/lib/media/urls";
import { isSafeLink } from "./safe-link";

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
markdown.validateLink = isSafeLink;

const defaultLinkOpen = markdown.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const href = tokens[idx].attrGet("href") ?? "";
  if (/^https?:/i.test(href)) tokens[idx].attrSet("rel", "noopener nofollow");
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Library pictures by content hash, for the body's `![alt](/media/<hash>)` references. */
export type LibraryImages = ReadonlyMap<string, PublicImage>;

const LIBRARY_SRC = /^\/media\/([0-9a-f]{64})$/;
const LIBRARY_REFERENCE = /\]\(\s*\/media\/([0-9a-f]{64})\s*(?:"[^"]*")?\)/g;
const MAX_BODY_IMAGES = 100;

/** The library pictures a body shows, by content hash. */
export function libraryHashesIn(source: string): string[] {
  return [...new Set([...source.matchAll(LIBRARY_REFERENCE)].map((m) => m[1]))].slice(0, MAX_BODY_IMAGES);
}

const libraryHashOf = (token: Token | undefined) =>
  token?.type === "image" ? LIBRARY_SRC.exec(token.attrGet("src") ?? "")?.[1] : undefined;
/** A paragraph holding one library picture and nothing else: it becomes a figure, not a paragraph. */
const isPictureParagraph = (inline: Token | undefined) =>
  inline?.type === "inline" && inline.children?.length === 1 && Boolean(libraryHashOf(inline.children[0]));

const defaultParagraphOpen =
  markdown.renderer.rules.paragraph_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
const defaultParagraphClose =
  markdown.renderer.rules.paragraph_close ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules.paragraph_open = (tokens, idx, options, env, self) =>
  isPictureParagraph(tokens[idx + 1]) ? "" : defaultParagraphOpen(tokens, idx, options, env, self);
markdown.renderer.rules.paragraph_close = (tokens, idx, options, env, self) =>
  isPictureParagraph(tokens[idx - 1]) ? "" : defaultParagraphClose(tokens, idx, options, env, self);

const defaultImage = markdown.renderer.rules.image!;
markdown.renderer.rules.image = (tokens, idx, options, env: { images?: LibraryImages }, self) => {
  const token = tokens[idx];
  const hash = libraryHashOf(token);
  if (!hash) return defaultImage(tokens, idx, options, env, self);
  const alt = self.renderInlineAsText(token.children ?? [], options, env);
  const image = env.images?.get(hash);
  // Without the library at hand (the editor's live preview): the picture at a fixed width.
  if (!image)
    return `<img src="${renditionUrl({ contentHash: hash } as PublicImage, "full", 960)}" alt="${escapeHtml(alt)}" loading="lazy">`;
  const caption = token.attrGet("title") || image.caption;
  const standalone = tokens.length === 1;
  const html = pictureHtml(image, alt || (image.decorative ? "" : image.alt), standalone ? "(min-width: 48rem) 46rem, 100vw" : "20rem");
  if (!standalone) return html;
  const credit = image.credit ? `<span class="credit">Photo: ${escapeHtml(image.credit)}</span>` : "";
  const figcaption = caption || credit ? `<figcaption>${escapeHtml(caption)}${caption && credit ? " " : ""}${credit}</figcaption>` : "";
  return `<figure class="body-image">${html}${figcaption}</figure>`;
};

/** A library picture as HTML (AVIF, WebP, JPEG at its widths, intrinsic size, lazy): the body's Picture. */
function pictureHtml(image: PublicImage, alt: string, sizes: string): string {
  const size = cropSize(image, "full", 960);
  return (
    `<picture><source type="image/avif" srcset="${srcset(image, "full", "avif")}" sizes="${sizes}">` +
    `<source type="image/webp" srcset="${srcset(image, "full", "webp")}" sizes="${sizes}">` +
    `<img src="${renditionUrl(image, "full", 960)}" srcset="${srcset(image, "full", "jpg")}" sizes="${sizes}" width="${size.width}" height="${size.height}" alt="${escapeHtml(alt)}" loading="lazy" decoding="async"></picture>`
  );
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Markdown → HTML that is safe to insert into a reader page. `images` resolves the library
 * pictures the body shows (libraryHashesIn); without it they show at a fixed size.
 */
export function renderMarkdown(source: string, images?: LibraryImages): string {
  return markdown.render(source, { images });
}

/**
 * Escapes a plain-text paragraph so that Markdown renders it as exactly that text:
 * imported documents are text, and "*" or "1." in a news story must not become formatting.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~]/g, "\\$&")
    .replace(/&(?=#?\w+;)/g, "\\&")
    .replace(/^(\s*)([#>+=|-])/, "$1\\$2")
    .replace(/^(\s*\d+)([.)])/, "$1\\$2");
}

/** A body made of plain-text paragraphs, each kept as its own Markdown paragraph. */
export function paragraphsToMarkdown(paragraphs: string[]): string {
  return paragraphs.map(escapeMarkdown).join("\n\n");
}

/** Plain text of a Markdown body (for descriptions, feeds and search snippets). */
export function markdownToPlainText(source: string): string {
  const html = renderMarkdown(source);
  return html
    .replace(/<\/(p|h\d|li|blockquote)>/g, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\n{2,}/g, "\n")
    .trim();
}
