"use client";

import { useState, type RefObject } from "react";
import type { PickedImage } from "@/lib/articles/form";
import { LibrarySearch } from "./image-picker";
import { applyToTextarea } from "./textarea-edit";

/** The Picture tool: the library opens under the toolbar, and the chosen picture goes to `onInsert`. */
export function BodyPicture({ onInsert, onClose }: { onInsert: (image: PickedImage) => void; onClose?: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => setOpen(!open)}
        className="min-w-8 rounded border border-rule px-2 py-1 text-sm font-semibold hover:bg-rule/40"
      >
        Picture
      </button>
      {open && (
        <div className="basis-full">
          <LibrarySearch
            onPick={(image) => {
              setOpen(false);
              onInsert(image);
            }}
            onClose={() => {
              setOpen(false);
              onClose?.();
            }}
          />
        </div>
      )}
    </>
  );
}

/**
 * In the Markdown view: the picture as its own paragraph at the cursor, `![alt](/media/<hash>)`,
 * with the cursor after it where the next paragraph starts.
 */
export function insertPictureMarkdown(
  textarea: RefObject<HTMLTextAreaElement | null>,
  image: PickedImage,
  onChange: (value: string) => void,
) {
  const el = textarea.current;
  if (!el) return;
  const { selectionStart: start, selectionEnd: end, value } = el;
  const before = value.slice(0, start).replace(/\n*$/, "");
  const after = value.slice(end).replace(/^\n*/, "");
  const reference = `![${image.alt.replace(/[[\]]/g, "")}](/media/${image.contentHash})`;
  const head = before ? `${before}\n\n` : "";
  const next = `${head}${reference}\n\n${after}`;
  const cursor = head.length + reference.length + 2;
  applyToTextarea(el, { value: next, start: cursor, end: cursor });
  onChange(next);
}
