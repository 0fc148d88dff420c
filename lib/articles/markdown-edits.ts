/**
 * The body toolbar's edits as pure functions of the text and the selection: each returns the new
 * text and the selection to leave, so the editor types on where it makes sense (a URL's
 * placeholder selected inside the link; a heading made of the current line, not a new one).
 */
export type TextState = { value: string; start: number; end: number };

/** Wraps the selection (or a selected placeholder) in markers: **bold**, _italic_. */
export function wrap(state: TextState, marker: string, placeholder: string): TextState {
  const { value, start, end } = state;
  const inner = value.slice(start, end) || placeholder;
  const next = value.slice(0, start) + marker + inner + marker + value.slice(end);
  return { value: next, start: start + marker.length, end: start + marker.length + inner.length };
}

/**
 * A link around the selection with "https://" selected, so typing the address replaces it; with
 * nothing selected, the link text is selected first.
 */
export function link(state: TextState): TextState {
  const { value, start, end } = state;
  const selected = value.slice(start, end);
  const text = selected || "link text";
  const url = "https://";
  const next = `${value.slice(0, start)}[${text}](${url})${value.slice(end)}`;
  if (!selected) return { value: next, start: start + 1, end: start + 1 + text.length };
  const urlStart = start + text.length + 3;
  return { value: next, start: urlStart, end: urlStart + url.length };
}

/**
 * Gives every line the selection touches the prefix ("## ", "> ", "- ") in place of any like it
 * (`alike`), or takes it away when they all have it; the cursor goes to the end of the last line.
 */
export function prefixLines(state: TextState, prefix: string, alike: RegExp = new RegExp(`^${escape(prefix)}`)): TextState {
  const { value, start, end } = state;
  const lineStart = value.lastIndexOf("\n", start - 1) + 1;
  const endOfSelection = end > start && value[end - 1] === "\n" ? end - 1 : end;
  const nextBreak = value.indexOf("\n", endOfSelection);
  const lineEnd = nextBreak === -1 ? value.length : nextBreak;
  const lines = value.slice(lineStart, lineEnd).split("\n");
  // Undone only when every line has exactly this prefix: "### x" under Heading becomes "## x".
  const allHave = lines.every((line) => line.startsWith(prefix));
  const changed = lines.map((line) => (allHave ? line.replace(alike, "") : prefix + line.replace(alike, ""))).join("\n");
  const next = value.slice(0, lineStart) + changed + value.slice(lineEnd);
  const cursor = lineStart + changed.length;
  return { value: next, start: cursor, end: cursor };
}

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
