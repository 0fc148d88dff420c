// The tags on the readers' data cache (lib/reader-data-cache.ts), in a module of their own so
// that pure policy code can name them without loading Next's cache.

/** The tag on everything readers see: an article's headline shows on the front page, in feeds, on author pages and in other articles' related stories. */
export const READER_TAG = "reader";

/**
 * Also on data that shows when articles last changed (the sitemap's lastmod): an edit to an
 * article's text changes that, and nothing else outside its own page.
 */
export const READER_DATES_TAG = "reader:dates";

/** Also on one article's own data (the article API). */
export function articleDataTag(slug: string): string {
  return `reader:article:${slug}`;
}
