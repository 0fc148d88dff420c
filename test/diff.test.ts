import { test } from "node:test";
import assert from "node:assert/strict";
import { diffText, diffWords, isUnchanged } from "@/lib/articles/diff";

test("a one-letter typo fixed in a long paragraph shows as that word changed, not the paragraph replaced", () => {
  const before = "The minister arrived in Bamako on Tuesday for talks with the goverment and regional leaders.";
  const after = before.replace("goverment", "government");
  assert.deepEqual(diffText(before, after), [
    {
      kind: "changed",
      parts: [
        { kind: "same", text: "The minister arrived in Bamako on Tuesday for talks with the " },
        { kind: "removed", text: "goverment" },
        { kind: "added", text: "government" },
        { kind: "same", text: " and regional leaders." },
      ],
    },
  ]);
});

test("lines added and removed around unchanged ones stay whole lines; an edited line pairs with its replacement", () => {
  const rows = diffText("Intro.\n\nOld second paragraph.\nGone line.", "Intro.\n\nNew second paragraph.\nFresh line.\nAnother.");
  assert.deepEqual(
    rows.map((r) => r.kind),
    ["same", "same", "changed", "changed", "added"],
  );
  assert.deepEqual(diffText("Same.", "Same."), [{ kind: "same", text: "Same." }]);
  assert.ok(isUnchanged(diffText("a\nb", "a\nb")));
  assert.deepEqual(diffText("", "New."), [{ kind: "added", text: "New." }]);
});

test("words keep their spacing, so the changed line reads back exactly on either side", () => {
  const before = "Rain  expected\tlate on Friday";
  const after = "Snow expected\tearly on Friday";
  const parts = diffWords(before, after);
  const side = (kind: "removed" | "added") =>
    parts
      .filter((p) => p.kind === "same" || p.kind === kind)
      .map((p) => p.text)
      .join("");
  assert.equal(side("removed"), before);
  assert.equal(side("added"), after);
});
