import { test } from "node:test";
import assert from "node:assert/strict";
import { link, prefixLines, wrap, type TextState } from "@/lib/articles/markdown-edits";

/** "a|b" marks the cursor, "a[b]c" a selection, in the tests' text. */
function state(marked: string): TextState {
  const value = marked.replace(/[|[\]]/g, "");
  const start = marked.search(/[|[]/);
  const end = marked.includes("]") ? marked.indexOf("]") - 1 : start;
  return { value, start, end };
}
const shown = ({ value, start, end }: TextState) =>
  start === end
    ? `${value.slice(0, start)}|${value.slice(start)}`
    : `${value.slice(0, start)}[${value.slice(start, end)}]${value.slice(end)}`;

test("Link around a selection leaves https:// selected inside the parentheses, so the typed URL lands in the link", () => {
  const after = link(state("See [the report] today."));
  assert.equal(after.value, "See [the report](https://) today.");
  assert.equal(after.value.slice(after.start, after.end), "https://");
  const empty = link(state("See | today."));
  assert.equal(empty.value.slice(empty.start, empty.end), "link text");
});

test("Heading and Quote change the current line instead of adding a placeholder line; pressed again, they undo", () => {
  assert.equal(
    shown(prefixLines(state("Intro.\nMarkets fall| sharply\nMore."), "## ", /^#{1,6} /)),
    "Intro.\n## Markets fall sharply|\nMore.",
  );
  assert.equal(shown(prefixLines(state("Intro.\n## Markets| fall\nMore."), "## ", /^#{1,6} /)), "Intro.\nMarkets fall|\nMore.");
  assert.equal(shown(prefixLines(state("### Old| level"), "## ", /^#{1,6} /)), "## Old level|");
  assert.equal(shown(prefixLines(state("[One\nTwo]\nThree"), "> ")), "> One\n> Two|\nThree");
  assert.equal(shown(prefixLines(state("[- a\n- b]"), "- ", /^[-*+] /)), "a\nb|");
});

test("Bold wraps the selection and keeps it selected; with none, its placeholder is selected to type over", () => {
  assert.equal(shown(wrap(state("a [word] b"), "**", "bold text")), "a **[word]** b");
  assert.equal(shown(wrap(state("a | b"), "_", "italic text")), "a _[italic text]_ b");
});
