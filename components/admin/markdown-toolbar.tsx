"use client";

import type { RefObject } from "react";
import { link, prefixLines, wrap, type TextState } from "@/lib/articles/markdown-edits";
import { applyToTextarea } from "./textarea-edit";

type Edit = { label: string; title: string; apply: (state: TextState) => TextState };

const EDITS: Edit[] = [
  { label: "B", title: "Bold", apply: (s) => wrap(s, "**", "bold text") },
  { label: "I", title: "Italic", apply: (s) => wrap(s, "_", "italic text") },
  // Any heading level on the line becomes (or stops being) a level-2 heading.
  { label: "H", title: "Heading", apply: (s) => prefixLines(s, "## ", /^#{1,6} /) },
  { label: "❝", title: "Quote", apply: (s) => prefixLines(s, "> ") },
  { label: "•", title: "Bulleted list", apply: (s) => prefixLines(s, "- ", /^[-*+] /) },
  { label: "Link", title: "Link", apply: link },
];

/**
 * Buttons that act on the body's selection or current line; the textarea stays the source of
 * truth, and the cursor is left where the editor types next.
 */
export function MarkdownToolbar({
  textarea,
  onChange,
  children,
}: {
  textarea: RefObject<HTMLTextAreaElement | null>;
  onChange: (value: string) => void;
  /** Further tools after the formatting buttons (inserting a picture). */
  children?: React.ReactNode;
}) {
  function run(edit: Edit) {
    const el = textarea.current;
    if (!el) return;
    const next = edit.apply({ value: el.value, start: el.selectionStart, end: el.selectionEnd });
    applyToTextarea(el, next);
    onChange(next.value);
  }
  return (
    <div role="toolbar" aria-label="Formatting" className="mb-1 flex flex-wrap gap-1">
      {EDITS.map((edit) => (
        <button
          key={edit.title}
          type="button"
          title={edit.title}
          aria-label={edit.title}
          onClick={() => run(edit)}
          className="min-w-8 rounded border border-rule px-2 py-1 text-sm font-semibold hover:bg-rule/40"
        >
          {edit.label}
        </button>
      ))}
      {children}
    </div>
  );
}
