"use client";

import type { RefObject } from "react";

type Edit = { label: string; title: string; apply: (selected: string) => { text: string; linePrefix?: boolean } };

const EDITS: Edit[] = [
  { label: "B", title: "Bold", apply: (s) => ({ text: `**${s || "bold text"}**` }) },
  { label: "I", title: "Italic", apply: (s) => ({ text: `_${s || "italic text"}_` }) },
  { label: "H", title: "Heading", apply: (s) => ({ text: `## ${s || "Heading"}`, linePrefix: true }) },
  { label: "❝", title: "Quote", apply: (s) => ({ text: `> ${s || "Quote"}`, linePrefix: true }) },
  {
    label: "•",
    title: "Bulleted list",
    apply: (s) => ({
      text: (s || "Item")
        .split("\n")
        .map((l) => `- ${l}`)
        .join("\n"),
      linePrefix: true,
    }),
  },
  { label: "Link", title: "Link", apply: (s) => ({ text: `[${s || "link text"}](https://)` }) },
];

/** Buttons that wrap the body's selection in Markdown; the textarea stays the source of truth. */
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
    const { selectionStart: start, selectionEnd: end, value } = el;
    const { text, linePrefix } = edit.apply(value.slice(start, end));
    const before = value.slice(0, start);
    const needsBreak = linePrefix && before !== "" && !before.endsWith("\n");
    const insert = (needsBreak ? "\n" : "") + text;
    const next = before + insert + value.slice(end);
    onChange(next);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(start + insert.length, start + insert.length);
      el.dispatchEvent(new Event("input", { bubbles: true }));
    });
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
