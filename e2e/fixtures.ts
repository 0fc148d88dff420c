import { test as base, expect } from "@playwright/test";
import { createDb, type Db } from "@/lib/db";
import { headlineKey, slugify } from "@/lib/text";

// The end-to-end database, for arranging what a test needs and checking what the app wrote.
// (The Playwright process runs with the react-server condition so lib/ modules load here.)
const databaseUrl = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";
let shared: Db | undefined;
const database = () => (shared ??= createDb(databaseUrl));

type ArticleInput = {
  headline: string;
  status?: "DRAFT" | "SCHEDULED" | "PUBLISHED" | "ARCHIVED";
  publishedAt?: Date | null;
  body?: string;
  standfirst?: string;
  authors?: string[];
};

let counter = 0;
/** A unique headline per call, so tests never collide with each other or with earlier runs. */
export function uniqueHeadline(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${(counter++).toString(36)}`;
}

export async function createArticle(input: ArticleInput) {
  const db = database();
  const slug = slugify(input.headline);
  const authors = await Promise.all(
    (input.authors ?? []).map((name) => db.author.upsert({ where: { slug: slugify(name) }, create: { slug: slugify(name), name }, update: {} })),
  );
  return db.article.create({
    data: {
      slug,
      headline: input.headline,
      headlineKey: headlineKey(input.headline),
      standfirst: input.standfirst ?? "",
      body: input.body ?? "Body text.",
      status: input.status ?? "PUBLISHED",
      publishedAt: input.publishedAt === undefined ? new Date(Date.now() - 60_000) : input.publishedAt,
      bylines: { create: authors.map((a, position) => ({ authorId: a.id, position })) },
    },
  });
}

export const test = base.extend<{ db: Db }>({
  // eslint-disable-next-line no-empty-pattern
  db: async ({}, use) => use(database()),
});
export { expect };
