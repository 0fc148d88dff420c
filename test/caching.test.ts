import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import cacheSettings from "@/lib/cache-settings.js";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

test("every reader page ships no framework JavaScript, and nothing is prerendered from the database at build time", () => {
  const pages = files("pages").filter((file) => !/\/_(app|document)\.tsx$|^pages\/api\//.test(file));
  assert.ok(pages.length >= 5, pages.join(", "));
  for (const file of pages) {
    assert.match(readFileSync(file, "utf8"), /^export const config = \{ runtime: "nodejs", unstable_runtimeJS: false \};$/m, file);
  }
  // An App Router route with `revalidate` is rendered at build time: the build would need a database.
  for (const file of files("app")) assert.doesNotMatch(readFileSync(file, "utf8"), /^export const revalidate\b/m, file);
});

test("reader Cache-Control is derived from the same numbers", () => {
  const { READER_CACHE_CONTROL, READER_PAGE_REVALIDATE_SECONDS, READER_STALE_SECONDS } = cacheSettings;
  assert.equal(READER_CACHE_CONTROL, `public, s-maxage=${READER_PAGE_REVALIDATE_SECONDS}, stale-while-revalidate=${READER_STALE_SECONDS}`);
});
