import { test } from "node:test";
import assert from "node:assert/strict";
import { escapeMarkdown, markdownToPlainText, paragraphsToMarkdown, renderMarkdown } from "@/lib/articles/markdown";

test("raw HTML in Markdown is escaped, never passed through", () => {
  const html = renderMarkdown('Hello <script>alert(1)</script> and <img src=x onerror="alert(1)">');
  assert.doesNotMatch(html, /<script|<img/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
});

test("javascript:, vbscript: and data: links are dropped; http links kept with rel", () => {
  for (const href of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "vbscript:x", "data:text/html,<b>x</b>"]) {
    const html = renderMarkdown(`[click](${href})`);
    assert.doesNotMatch(html, /<a /, `link to ${href} should not render`);
  }
  assert.match(renderMarkdown("[site](https://example.org/a)"), /<a href="https:\/\/example.org\/a" rel="noopener nofollow">site<\/a>/);
  assert.match(renderMarkdown("[page](/articles/x)"), /<a href="\/articles\/x">page<\/a>/);
});

test("an escaped paragraph renders as exactly its text", () => {
  const tricky = [
    "1. Not a list",
    "# Not a heading",
    "- not a bullet",
    "> not a quote",
    "**not bold** and _not italic_ and `not code`",
    "[not](a link) <b>not html</b> &amp; not an entity",
    "Back\\slash and ~~not struck~~ and a | pipe",
    'Mali\'s "quoted" 400 kilometres (250 miles)',
    "=== not a heading underline",
  ];
  for (const paragraph of tricky) {
    assert.equal(markdownToPlainText(escapeMarkdown(paragraph)), paragraph, paragraph);
  }
  const body = paragraphsToMarkdown(tricky);
  assert.equal(markdownToPlainText(body), tricky.join("\n"));
  assert.equal((renderMarkdown(body).match(/<p>/g) ?? []).length, tricky.length, "one paragraph each, nothing merged");
});
