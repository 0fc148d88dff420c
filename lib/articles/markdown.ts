/**
 * Article bodies are Markdown. Rendering never lets raw HTML through (markdown-it with
 * html: false escapes it) and drops links whose scheme is not http(s), mailto or relative.
 */
import MarkdownIt from "markdown-it";

const SAFE_LINK = /^(https?:|mailto:|\/|#|\.{0,2}\/)/i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
markdown.validateLink = (url: string) => {
  const trimmed = url.trim();
  // Control characters and whitespace hide schemes from naive checks ("java\tscript:").
  const compact = trimmed.replace(/[\u0000-\u0020\u007F]/g, "");
  return SAFE_LINK.test(compact) || !HAS_SCHEME.test(compact);
};

const defaultLinkOpen = markdown.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const href = tokens[idx].attrGet("href") ?? "";
  if (/^https?:/i.test(href)) tokens[idx].attrSet("rel", "noopener nofollow");
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Markdown → HTML that is safe to insert into a reader page. */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
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
