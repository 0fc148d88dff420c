"use client";

import { useEffect, useRef } from "react";
import { baseKeymap, lift, setBlockType, toggleMark, wrapIn } from "prosemirror-commands";
import { history, redo, undo } from "prosemirror-history";
import { keymap } from "prosemirror-keymap";
import type { MarkType, NodeType } from "prosemirror-model";
import { liftListItem, sinkListItem, splitListItem, wrapInList } from "prosemirror-schema-list";
import { EditorState, type Command } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import type { PickedImage } from "@/lib/articles/form";
import { bodySchema, parseBody, serializeBody } from "@/lib/articles/rich-markdown";
import { BodyPicture } from "./body-picture";

const { nodes, marks } = bodySchema;

const markActive = (state: EditorState, type: MarkType) => {
  const { from, $from, to, empty } = state.selection;
  return empty ? Boolean(type.isInSet(state.storedMarks || $from.marks())) : state.doc.rangeHasMark(from, to, type);
};
const inside = (state: EditorState, type: NodeType) => {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) if ($from.node(depth).type === type) return true;
  return false;
};

/** Heading: the current block becomes a level-2 heading, or a paragraph again. */
const toggleHeading: Command = (state, dispatch) =>
  state.selection.$from.parent.type === nodes.heading
    ? setBlockType(nodes.paragraph)(state, dispatch)
    : setBlockType(nodes.heading, { level: 2 })(state, dispatch);
const toggleQuote: Command = (state, dispatch) =>
  inside(state, nodes.blockquote) ? lift(state, dispatch) : wrapIn(nodes.blockquote)(state, dispatch);
const toggleBullets: Command = (state, dispatch) =>
  inside(state, nodes.bullet_list) ? liftListItem(nodes.list_item)(state, dispatch) : wrapInList(nodes.bullet_list)(state, dispatch);

/** Link: asks for the address; on a selected link, an empty answer removes it. */
const editLink: Command = (state, dispatch) => {
  if (state.selection.empty && !markActive(state, marks.link)) return false;
  if (!dispatch) return true;
  const address = window.prompt("Link address (empty removes the link)", "https://");
  if (address === null) return true;
  const { from, to } = state.selection;
  const tr = state.tr.removeMark(from, to, marks.link);
  if (address.trim() && /^(https?:|mailto:|\/|#)/i.test(address.trim())) tr.addMark(from, to, marks.link.create({ href: address.trim() }));
  dispatch(tr);
  return true;
};

const TOOLS: { label: string; title: string; command: Command; active?: (state: EditorState) => boolean }[] = [
  { label: "B", title: "Bold", command: toggleMark(marks.strong), active: (s) => markActive(s, marks.strong) },
  { label: "I", title: "Italic", command: toggleMark(marks.em), active: (s) => markActive(s, marks.em) },
  { label: "H", title: "Heading", command: toggleHeading, active: (s) => s.selection.$from.parent.type === nodes.heading },
  { label: "❝", title: "Quote", command: toggleQuote, active: (s) => inside(s, nodes.blockquote) },
  { label: "•", title: "Bulleted list", command: toggleBullets, active: (s) => inside(s, nodes.bullet_list) },
  { label: "Link", title: "Link", command: editLink, active: (s) => markActive(s, marks.link) },
];

/**
 * The body as rich text (ProseMirror) over the same Markdown: every change is written back as
 * Markdown through `onChange`, byte for byte what was there where nothing changed (lib/articles/
 * rich-markdown.ts). Pasting from Google Docs, Word or a web page keeps links, emphasis, headings,
 * quotes and lists and drops the rest (styles, scripts, comments, tracking attributes), because
 * only what the schema knows is parsed.
 */
export function RichBody({
  markdown,
  onChange,
  labelledBy,
}: {
  markdown: string;
  onChange: (markdown: string) => void;
  labelledBy: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const toolbar = useRef<HTMLDivElement>(null);
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  });

  useEffect(() => {
    const refreshButtons = (state: EditorState) => {
      toolbar.current?.querySelectorAll<HTMLButtonElement>("button[data-tool]").forEach((button) => {
        const tool = TOOLS.find((t) => t.title === button.dataset.tool);
        button.setAttribute("aria-pressed", String(Boolean(tool?.active?.(state))));
      });
    };
    const editor = new EditorView(host.current!, {
      state: EditorState.create({
        doc: parseBody(markdown),
        plugins: [
          history(),
          keymap({
            "Mod-z": undo,
            "Shift-Mod-z": redo,
            "Mod-y": redo,
            "Mod-b": toggleMark(marks.strong),
            "Mod-i": toggleMark(marks.em),
            "Mod-k": editLink,
            Enter: splitListItem(nodes.list_item),
            Tab: sinkListItem(nodes.list_item),
            "Shift-Tab": liftListItem(nodes.list_item),
          }),
          keymap(baseKeymap),
        ],
      }),
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelledBy,
        class: "prose-article min-h-64 rounded border border-muted p-3 font-serif focus:outline-2",
        "data-testid": "rich-body",
      },
      dispatchTransaction(transaction) {
        const next = editor.state.apply(transaction);
        editor.updateState(next);
        refreshButtons(next);
        if (transaction.docChanged) changed.current(serializeBody(next.doc));
      },
    });
    view.current = editor;
    refreshButtons(editor.state);
    return () => editor.destroy();
    // The editor is made once from the Markdown it opened with; after that it is the source.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const run = (command: Command) => {
    const editor = view.current;
    if (!editor) return;
    command(editor.state, editor.dispatch);
    editor.focus();
  };
  const insertImage = (image: PickedImage) => {
    const editor = view.current;
    if (!editor) return;
    const picture = nodes.image.create({ src: `/media/${image.contentHash}`, alt: image.alt });
    const { $from } = editor.state.selection;
    // A picture is a paragraph of its own, after the one the cursor is in.
    const at = $from.depth > 0 ? $from.after(1) : editor.state.doc.content.size;
    editor.dispatch(editor.state.tr.insert(at, nodes.paragraph.create(null, picture)));
    editor.focus();
  };

  return (
    <div>
      <div ref={toolbar} role="toolbar" aria-label="Formatting" className="mb-1 flex flex-wrap gap-1">
        {TOOLS.map((tool) => (
          <button
            key={tool.title}
            type="button"
            data-tool={tool.title}
            title={tool.title}
            aria-label={tool.title}
            aria-pressed="false"
            // Keeps the editor's selection: a mousedown on the button would take the focus.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => run(tool.command)}
            className="min-w-8 rounded border border-rule px-2 py-1 text-sm font-semibold hover:bg-rule/40 aria-pressed:bg-ink aria-pressed:text-paper"
          >
            {tool.label}
          </button>
        ))}
        <BodyPicture onInsert={insertImage} onClose={() => view.current?.focus()} />
      </div>
      <div ref={host} />
    </div>
  );
}
