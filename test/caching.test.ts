import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import cacheSettings from "@/lib/cache-settings.js";

// Next needs each route's `export const revalidate` as a literal in its file, so the setting
// cannot be imported there; this keeps every copy equal to the one in lib/cache-settings.js.

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

test("every cached reader route revalidates as lib/cache-settings.js says", () => {
  const declared = files("app").flatMap((file) => {
    const match = /^export const revalidate = (.+);$/m.exec(readFileSync(file, "utf8"));
    return match ? [[file, match[1]] as const] : [];
  });
  assert.ok(declared.length >= 7, declared.map(([f]) => f).join(", "));
  for (const [file, value] of declared) assert.equal(Number(value), cacheSettings.READER_PAGE_REVALIDATE_SECONDS, file);
});

test("reader Cache-Control is derived from the same numbers", () => {
  const { READER_CACHE_CONTROL, READER_PAGE_REVALIDATE_SECONDS, READER_STALE_SECONDS } = cacheSettings;
  assert.equal(READER_CACHE_CONTROL, `public, s-maxage=${READER_PAGE_REVALIDATE_SECONDS}, stale-while-revalidate=${READER_STALE_SECONDS}`);
});
