/**
 * The rich-text editor's document model over Byline's stored Markdown (issue 16): ProseMirror's
 * CommonMark schema, parsed with markdown-it as the reader pages are, and serialised back so that
 * Markdown → editor → Markdown gives the same bytes for what Byline writes (docs/editor.md). The
 * stock prosemirror-markdown loses three things this keeps: which emphasis and bullet markers a
 * text used (`_x_` against `*x*`, `-` against `*`), and single line breaks inside a paragraph.
 */
import MarkdownIt from "markdown-it";
import {
  MarkdownParser,
  MarkdownSerializer,
  defaultMarkdownParser,
  defaultMarkdownSerializer,
  schema as commonMark,
} from "prosemirror-markdown";
import { Schema, type Node as ProseMirrorNode } from "prosemirror-model";

const withMarkup = (fallback: string) => ({ markup: { default: fallback } });

/** Links a reader page would keep (lib/articles/markdown.ts drops the rest): pasted others lose the link, keep the text. */
const SAFE_HREF = /^(https?:|mailto:|\/|#)/i;
/** A library picture's reference, from its Markdown (`/media/<hash>`) or from any of its renditions' URLs. */
const LIBRARY_PICTURE = /^(?:https?:\/\/[^/]+)?\/media\/([0-9a-f]{64})(?:\/[^?#]*)?$/;

export const bodySchema = new Schema({
  nodes: commonMark.spec.nodes
    // Lists made in the editor are tight, as people write them; parsed ones keep what they were.
    .update("bullet_list", {
      ...commonMark.spec.nodes.get("bullet_list")!,
      attrs: { ...commonMark.spec.nodes.get("bullet_list")!.attrs, tight: { default: true }, bullet: { default: "-" } },
      // Pasted lists arrive as <ul>s with a paragraph per item: tight, as they looked.
      parseDOM: [{ tag: "ul", getAttrs: () => ({ tight: true }) }],
    })
    .update("ordered_list", {
      ...commonMark.spec.nodes.get("ordered_list")!,
      attrs: { ...commonMark.spec.nodes.get("ordered_list")!.attrs, tight: { default: true } },
      parseDOM: [{ tag: "ol", getAttrs: (dom: HTMLElement) => ({ order: Number(dom.getAttribute("start") ?? 1) || 1, tight: true }) }],
    })
    .update("image", {
      ...commonMark.spec.nodes.get("image")!,
      // Only pictures from the library: one pasted from another site is dropped.
      parseDOM: [
        {
          tag: "img[src]",
          getAttrs(dom: HTMLElement) {
            const hash = LIBRARY_PICTURE.exec(dom.getAttribute("src") ?? "")?.[1];
            return hash ? { src: `/media/${hash}`, alt: dom.getAttribute("alt"), title: null } : false;
          },
        },
      ],
      toDOM: (node) => ["img", { src: `${node.attrs.src}/full-640.webp`, alt: node.attrs.alt ?? "", class: "max-w-full" }],
    }),
  marks: commonMark.spec.marks
    .update("em", { ...commonMark.spec.marks.get("em")!, attrs: withMarkup("_") })
    .update("strong", { ...commonMark.spec.marks.get("strong")!, attrs: withMarkup("**") })
    .update("link", {
      ...commonMark.spec.marks.get("link")!,
      parseDOM: [
        {
          tag: "a[href]",
          getAttrs(dom: HTMLElement) {
            const href = (dom.getAttribute("href") ?? "").trim();
            return SAFE_HREF.test(href) ? { href, title: null } : false;
          },
        },
      ],
    }),
});

const stock = defaultMarkdownParser.tokens;
const markupOf = (token: { markup: string }) => ({ markup: token.markup });

const parser = new MarkdownParser(bodySchema, new MarkdownIt("commonmark", { html: false }), {
  ...stock,
  bullet_list: {
    block: "bullet_list",
    getAttrs: (token, tokens, i) => ({ ...stock.bullet_list.getAttrs!(token, tokens, i), bullet: token.markup }),
  },
  em: { mark: "em", getAttrs: markupOf },
  strong: { mark: "strong", getAttrs: markupOf },
});
// A single line break inside a paragraph stays one, rather than becoming a space.
(parser as unknown as { tokenHandlers: Record<string, (state: { addText(text: string): void }) => void> }).tokenHandlers.softbreak = (
  state,
) => state.addText("\n");

const serializer = new MarkdownSerializer(
  {
    ...defaultMarkdownSerializer.nodes,
    bullet_list(state, node) {
      state.renderList(node, "  ", () => `${node.attrs.bullet || "-"} `);
    },
  },
  {
    ...defaultMarkdownSerializer.marks,
    em: { ...defaultMarkdownSerializer.marks.em, open: (_state, mark) => mark.attrs.markup, close: (_state, mark) => mark.attrs.markup },
    strong: {
      ...defaultMarkdownSerializer.marks.strong,
      open: (_state, mark) => mark.attrs.markup,
      close: (_state, mark) => mark.attrs.markup,
    },
  },
);

export function parseBody(markdown: string): ProseMirrorNode {
  return parser.parse(markdown);
}

export function serializeBody(doc: ProseMirrorNode): string {
  return serializer.serialize(doc, { tightLists: true });
}

/**
 * Whether the rich editor can show this Markdown without changing a byte of it. Text it cannot
 * (a table, strikethrough, raw HTML, unusual escapes) opens in the Markdown view instead.
 */
export function roundTrips(markdown: string): boolean {
  try {
    return serializeBody(parseBody(markdown)) === markdown;
  } catch {
    return false;
  }
}
