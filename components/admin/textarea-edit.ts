import type { TextState } from "@/lib/articles/markdown-edits";

/**
 * Puts an edit into the body's textarea at once, not at the next frame: a key pressed right after
 * a toolbar click lands in the new text, where the cursor was left. The form hears it as typing.
 */
export function applyToTextarea(el: HTMLTextAreaElement, next: TextState) {
  el.value = next.value;
  el.focus();
  el.setSelectionRange(next.start, next.end);
  el.dispatchEvent(new Event("input", { bubbles: true }));
}
