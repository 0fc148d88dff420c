/**
 * Ghost's Lexical documents (the `lexical` column of posts written since Ghost 5) as HTML, for
 * exports that carry no rendered `html`. Covers the nodes and cards stories are made of; an
 * unknown card is named in a warning and skipped. Pure.
 */
import MarkdownIt from "markdown-it";

type LexicalNode = {
  type?: string;
  children?: LexicalNode[];
  text?: string;
  format?: number | string;
  tag?: string;
  listType?: string;
  url?: string;
  src?: string;
  altText?: string;
  alt?: string;
  caption?: string;
  html?: string;
  markdown?: string;
  code?: string;
  metadata?: { title?: string };
};

const TEXT_FORMATS: [bit: number, open: string, close: string][] = [
  [16, "<code>", "</code>"],
  [1, "<strong>", "</strong>"],
  [2, "<em>", "</em>"],
  [4, "<s>", "</s>"],
];

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const cardMarkdown = new MarkdownIt({ html: true });

export function lexicalToHtml(source: string): { html: string; warnings: string[] } {
  const warnings = new Set<string>();
  let root: LexicalNode;
  try {
    root = (JSON.parse(source) as { root?: LexicalNode }).root ?? {};
  } catch {
    return { html: "", warnings: ["its Lexical content is not valid JSON: imported without a body"] };
  }
  const render = (nodes: LexicalNode[] = []): string => nodes.map(node).join("");
  const node = (n: LexicalNode): string => {
    switch (n.type ?? "") {
      case "text":
      case "extended-text": {
        let html = escapeHtml(n.text ?? "");
        const format = typeof n.format === "number" ? n.format : 0;
        for (const [bit, open, close] of TEXT_FORMATS) if (format & bit) html = open + html + close;
        return html;
      }
      case "linebreak":
        return "<br>";
      case "paragraph":
        return `<p>${render(n.children)}</p>`;
      case "heading":
      case "extended-heading": {
        const tag = /^h[1-6]$/.test(n.tag ?? "") ? n.tag : "h2";
        return `<${tag}>${render(n.children)}</${tag}>`;
      }
      case "quote":
      case "extended-quote":
      case "aside":
        return `<blockquote>${render(n.children)}</blockquote>`;
      case "list": {
        const tag = n.listType === "number" ? "ol" : "ul";
        return `<${tag}>${render(n.children)}</${tag}>`;
      }
      case "listitem":
        return `<li>${render(n.children)}</li>`;
      case "link":
      case "autolink":
        return `<a href="${escapeHtml(n.url ?? "")}">${render(n.children)}</a>`;
      case "horizontalrule":
        return "<hr>";
      case "codeblock":
        return `<pre><code>${escapeHtml(n.code ?? "")}</code></pre>`;
      case "image":
        return `<figure><img src="${escapeHtml(n.src ?? "")}" alt="${escapeHtml(n.altText ?? n.alt ?? "")}">${n.caption ? `<figcaption>${n.caption}</figcaption>` : ""}</figure>`;
      case "html":
      case "embed":
        return n.html ?? (n.url ? `<p><a href="${escapeHtml(n.url)}">${escapeHtml(n.url)}</a></p>` : "");
      case "markdown":
        return cardMarkdown.render(n.markdown ?? "");
      case "bookmark":
        return n.url ? `<p><a href="${escapeHtml(n.url)}">${escapeHtml(n.metadata?.title || n.url)}</a></p>` : "";
      default:
        if (n.children) return render(n.children);
        warnings.add(`a "${n.type ?? "unnamed"}" card has no equivalent here and was left out`);
        return "";
    }
  };
  return { html: render(root.children), warnings: [...warnings] };
}
