"use client";

import { useState, type RefObject } from "react";
import type { PickedImage } from "@/lib/articles/form";
import { LibrarySearch } from "./image-picker";

/**
 * Puts a library picture into the body where the cursor is, as its own paragraph:
 * `![alt](/media/<hash>)`. Readers get it sized, described and credited from the library.
 */
export function BodyPicture({
  textarea,
  onChange,
}: {
  textarea: RefObject<HTMLTextAreaElement | null>;
  onChange: (value: string) => void;
}) {
  const [open, setOpen] = useState(false);

  function insert(image: PickedImage) {
    setOpen(false);
    const el = textarea.current;
    if (!el) return;
    const { selectionStart: start, selectionEnd: end, value } = el;
    const before = value.slice(0, start).replace(/\n*$/, "");
    const after = value.slice(end).replace(/^\n*/, "");
    const reference = `![${image.alt.replace(/[[\]]/g, "")}](/media/${image.contentHash})`;
    const head = before ? `${before}\n\n` : "";
    const next = `${head}${reference}\n\n${after}`;
    onChange(next);
    requestAnimationFrame(() => {
      el.focus();
      // The cursor goes after the picture, where the next paragraph starts.
      const cursor = head.length + reference.length + 2;
      el.setSelectionRange(cursor, cursor);
      el.dispatchEvent(new Event("input", { bubbles: true }));
    });
  }

  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="min-w-8 rounded border border-rule px-2 py-1 text-sm font-semibold hover:bg-rule/40"
      >
        Picture
      </button>
      {open && (
        <div className="basis-full">
          <LibrarySearch
            onPick={insert}
            onClose={() => {
              setOpen(false);
              textarea.current?.focus();
            }}
          />
        </div>
      )}
    </>
  );
}
