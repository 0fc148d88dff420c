import { test } from "node:test";
import assert from "node:assert/strict";
import { effectiveStatus } from "@/lib/articles/policy";
import { applyIntent, articleFormSchema, isConflict } from "@/lib/articles/schema";
import { blankArticleForm } from "./support/article-form";

const valid = { ...blankArticleForm, headline: "A headline", body: "Text." };
const errorsOf = (input: Record<string, unknown>) => {
  const result = articleFormSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
};

test("a minimal draft is valid; fields are trimmed and line endings unified", () => {
  const parsed = articleFormSchema.parse({ ...valid, headline: "  Spaced  ", body: "a\r\nb", authors: "id1\nnew:Jane Roe\n" });
  assert.equal(parsed.headline, "Spaced");
  assert.equal(parsed.body, "a\nb");
  assert.deepEqual(parsed.authors, ["id1", "new:Jane Roe"]);
  assert.equal(parsed.version, 0);
});

test("clear messages for each rule", () => {
  assert.deepEqual(errorsOf({ ...valid, headline: "   " }), { headline: "Enter a headline." });
  assert.deepEqual(errorsOf({ ...valid, headline: "x".repeat(301) }), { headline: "The headline can be at most 300 characters." });
  assert.deepEqual(errorsOf({ ...valid, slug: "Not A Slug" }), { slug: "Use lower-case letters, digits and single hyphens." });
  assert.deepEqual(errorsOf({ ...valid, slug: "a--b" }), { slug: "Use lower-case letters, digits and single hyphens." });
  assert.deepEqual(errorsOf({ ...valid, slug: "مقال-جديد" }), {});
  assert.deepEqual(errorsOf({ ...valid, status: "LIVE" }), { status: "Choose a status." });
  assert.deepEqual(errorsOf({ ...valid, publishedAt: "tomorrow" }), { publishedAt: "Enter a date and time." });
  assert.deepEqual(errorsOf({ ...valid, status: "SCHEDULED", publishedAt: "2001-01-01T00:00" }), {
    publishedAt: "Choose a future time to schedule, or publish now.",
  });
  assert.deepEqual(errorsOf({ ...valid, body: "", intent: "publish" }), { body: "Write a body before publishing." });
  assert.deepEqual(errorsOf({ ...valid, body: "" }), {}, "an empty draft body is fine");
});

test("fields the form does not have are ignored", () => {
  const parsed = articleFormSchema.parse({ ...valid, role: "ADMIN", createdById: "x", deletedAt: "now", relatedEnabled: "off" });
  assert.equal("role" in parsed, false);
  assert.equal("createdById" in parsed, false);
  assert.equal("deletedAt" in parsed, false);
  assert.equal("relatedEnabled" in parsed, false, "switching related stories is an admin action");
});

test("buttons map to status and publish time", () => {
  const now = new Date("2026-11-23T12:00:00Z");
  const later = new Date("2026-11-24T08:00:00Z");
  const earlier = new Date("2026-11-01T08:00:00Z");
  const form = (o: Partial<Record<string, unknown>>) => articleFormSchema.parse({ ...valid, ...o });
  assert.deepEqual(applyIntent(form({ intent: "publish" }), now), { status: "PUBLISHED", publishedAt: now });
  assert.deepEqual(applyIntent({ ...form({ intent: "publish" }), publishedAt: earlier }, now), {
    status: "PUBLISHED",
    publishedAt: earlier,
  });
  assert.deepEqual(
    applyIntent({ ...form({ intent: "publish" }), publishedAt: later }, now),
    { status: "PUBLISHED", publishedAt: now },
    "publish now means now",
  );
  assert.deepEqual(applyIntent({ ...form({ status: "PUBLISHED" }), publishedAt: later }, now), { status: "SCHEDULED", publishedAt: later });
  assert.deepEqual(applyIntent({ ...form({ intent: "unpublish" }), publishedAt: earlier }, now), { status: "DRAFT", publishedAt: earlier });
  assert.deepEqual(applyIntent(form({ intent: "archive" }), now).status, "ARCHIVED");
});

test("the status shown follows the clock: a scheduled article is published once its time comes", () => {
  const now = new Date("2026-11-23T12:00:00Z");
  assert.equal(effectiveStatus("SCHEDULED", new Date("2026-11-23T12:00:01Z"), now), "SCHEDULED");
  assert.equal(effectiveStatus("SCHEDULED", new Date("2026-11-23T11:59:59Z"), now), "PUBLISHED");
  assert.equal(effectiveStatus("PUBLISHED", new Date("2026-12-01T00:00:00Z"), now), "SCHEDULED");
  assert.equal(effectiveStatus("DRAFT", null, now), "DRAFT");
  assert.equal(effectiveStatus("SCHEDULED", null, now), "SCHEDULED", "no time yet: not published");
});

test("the conflict rule: only a save based on the stored version goes through", () => {
  assert.equal(isConflict(3, 3), false);
  assert.equal(isConflict(2, 3), true);
  assert.equal(isConflict(4, 3), true);
});

test("a future publish time on a draft is refused: the editor would believe it scheduled", () => {
  const future = new Date(Date.now() + 3_600_000).toISOString().slice(0, 16);
  assert.deepEqual(errorsOf({ ...valid, status: "DRAFT", publishedAt: future }), {
    publishedAt: "A draft is not published at this time. Choose the status Scheduled to publish then, or clear the time.",
  });
  assert.deepEqual(errorsOf({ ...valid, status: "SCHEDULED", publishedAt: future }), {});
  assert.deepEqual(errorsOf({ ...valid, status: "DRAFT", publishedAt: "2020-01-01T10:00" }), {}, "a past time on a draft is history, kept");
});
