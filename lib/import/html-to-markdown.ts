/**
 * Story HTML from another CMS (Ghost's `html`, WordPress's `content:encoded`, a feed's content)
 * as Byline's Markdown. Pure (no I/O).
 *
 * The HTML is parsed and cleaned first, so that what is dropped or changed can be named in a
 * warning: scripts, styles and forms go; embeds (iframes, video, audio) become a link to what they
 * showed; links whose scheme is not http(s), mailto or relative keep only their text. Event
 * handlers and styles are attributes, which Markdown has no place for. What remains is translated
 * by node-html-markdown. Markdown rendering escapes any HTML left in the text, so nothing an
 * export carries can ever run on a reader page.
 */
import { NodeHtmlMarkdown } from "node-html-markdown";
import { parse, type HTMLElement, NodeType, type Node } from "node-html-parser";
import { isSafeLink } from "@/lib/articles/safe-link";

export type BodyImage = { src: string; alt: string; caption: string };
export type ConvertedBody = { markdown: string; images: BodyImage[]; warnings: string[] };

const DROPPED = new Set(["script", "style", "noscript", "form", "input", "button", "select", "textarea", "template", "object", "embed"]);
const EMBEDS = new Set(["iframe", "video", "audio"]);

const translator = new NodeHtmlMarkdown({ bulletMarker: "-", codeBlockStyle: "fenced", maxConsecutiveNewlines: 2, keepDataImages: false });

export function htmlToMarkdown(html: string): ConvertedBody {
  const root = parse(html, { comment: false, blockTextElements: { pre: true } });
  const warnings = new Set<string>();
  const images: BodyImage[] = [];
  clean(root, warnings, images);
  const markdown = translator
    .translate(root.toString())
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { markdown, images, warnings: [...warnings] };
}

function clean(node: Node, warnings: Set<string>, images: BodyImage[]): void {
  for (const child of [...node.childNodes]) {
    if (child.nodeType !== NodeType.ELEMENT_NODE) continue;
    const element = child as HTMLElement;
    const tag = element.rawTagName?.toLowerCase() ?? "";
    if (DROPPED.has(tag)) {
      warnings.add(`<${tag}> dropped: it cannot be kept as text`);
      element.remove();
      continue;
    }
    if (EMBEDS.has(tag)) {
      const src = element.getAttribute("src") ?? element.querySelector("source")?.getAttribute("src") ?? "";
      if (src && isSafeLink(src) && /^https?:|^\/\//i.test(src)) {
        const href = src.startsWith("//") ? `https:${src}` : src;
        element.replaceWith(
          parse(`<p><a href="${escapeAttribute(href)}">${escapeText(element.getAttribute("title") || `Embedded ${tag}`)}</a></p>`),
        );
        warnings.add(`<${tag}> kept as a link to what it showed`);
      } else {
        warnings.add(`<${tag}> dropped: it had no web address`);
        element.remove();
      }
      continue;
    }
    for (const name of Object.keys(element.attributes)) {
      if (/^on/i.test(name)) {
        warnings.add(`${name.toLowerCase()} attributes dropped`);
        element.removeAttribute(name);
      }
    }
    if (tag === "a") {
      const href = element.getAttribute("href") ?? "";
      if (href && !isSafeLink(href)) {
        warnings.add(`a link to "${href.slice(0, 40)}" kept as plain text`);
        element.removeAttribute("href");
      }
    }
    if (tag === "figure") {
      const image = element.querySelector("img");
      const caption = element.querySelector("figcaption")?.text.replace(/\s+/g, " ").trim() ?? "";
      if (image) {
        // A captioned picture: the caption rides as the image's title, which Byline shows under it.
        element.querySelector("figcaption")?.remove();
        if (caption) image.setAttribute("title", caption);
      }
    }
    if (tag === "img") {
      const src = element.getAttribute("src") ?? "";
      if (!src || !isSafeLink(src) || src.startsWith("data:")) {
        warnings.add("an image with no usable address dropped");
        element.remove();
        continue;
      }
      images.push({ src, alt: element.getAttribute("alt") ?? "", caption: element.getAttribute("title") ?? "" });
    }
    clean(element, warnings, images);
  }
}

const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, "&quot;");
