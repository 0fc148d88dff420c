// Server code that the reader pages (pages/, Pages Router) also load: Next refuses `server-only` there.
import { MAX_RELATED, SUGGESTIONS_BELOW } from "@/lib/related-links/policy";
import { readerDb, type Prisma } from "@/lib/db";
import { pageCount, pageRows } from "@/lib/pagination";
import { cachedForReaders } from "@/lib/reader-data-cache";
import { articleDataTag, READER_DATES_TAG } from "@/lib/reader-tags";
import { READER_PAGE_REVALIDATE_SECONDS } from "@/lib/cache-settings.js";
import { RANK_WINDOW, searchArticleIds, searchTerms, similarityQuery } from "@/lib/search";
import { singleFlight } from "@/lib/single-flight";
import { LRUCache } from "lru-cache";
import { libraryHashesIn, markdownToPlainText, renderMarkdown, type LibraryImages } from "./markdown";
import { isVisibleToReaders, visibleToReaders } from "./policy";
import { editableTextOf } from "./snapshot";
import { publicImageSelect, type PublicImage } from "@/lib/media/urls";
import { imagesByHash } from "@/lib/media/usage";

// Reader queries. Results are cached under READER_TAG and must be JSON-serialisable
// (dates as ISO strings): a cache hit does no database work.

/**
 * The publication time of the newest article readers can see. A scheduled article that goes live
 * changes it, and reader data is cached under it, so the article appears at its time on every
 * instance — no cron job, no instance in charge. Read at most once a second per instance (the
 * readers' freshness anyway): a feed or API request served from the cache then touches no database.
 */
let knownGoLive = { value: "", readAt: 0 };
async function newestGoLive(): Promise<string> {
  if (Date.now() - knownGoLive.readAt < READER_PAGE_REVALIDATE_SECONDS * 1000) return knownGoLive.value;
  const newest = await readerDb.article.findFirst({
    where: visibleToReaders(new Date()),
    orderBy: { publishedAt: "desc" },
    select: { publishedAt: true },
  });
  knownGoLive = { value: newest?.publishedAt?.toISOString() ?? "none", readAt: Date.now() };
  return knownGoLive.value;
}

/**
 * Reader data, cached in the generation of the newest go-live time (lib/cache.ts), for the App
 * Router's reader routes (API, feeds, sitemaps); `.uncached` reads the database itself, for the
 * reader pages (pages/), whose cached HTML is their cache.
 */
export function readerCached<Args extends unknown[], Result>(
  name: string,
  fn: (...args: Args) => Promise<Result>,
  tagsOf?: (...args: Args) => string[],
) {
  return Object.assign(cachedForReaders(name, fn, newestGoLive, tagsOf), { uncached: fn });
}

export type BylineAuthor = { name: string; slug: string };
export type ArticleSummary = {
  slug: string;
  headline: string;
  standfirst: string;
  publishedAt: string;
  authors: BylineAuthor[];
  /** The lead image, shown as a thumbnail in lists and at the top of the article. */
  image: PublicImage | null;
};
export type RelatedStory = { label: string; href: string; external: boolean };
export type Suggestion = { headline: string; href: string };
export type ReaderArticle = ArticleSummary & {
  id: string;
  bodyHtml: string;
  caption: string;
  dateline: string;
  source: string;
  modifiedAt: string | null;
  /** Plain text of the body's opening, for descriptions. */
  summary: string;
  related: RelatedStory[];
  /** Automatic suggestions topping the curated list up to five when it shows fewer than three. */
  suggestions: Suggestion[];
  /** The topics it is filed under (from an import), first the primary one. */
  tags: string[];
};

const summarySelect = {
  slug: true,
  headline: true,
  standfirst: true,
  publishedAt: true,
  bylines: { orderBy: { position: "asc" as const }, select: { author: { select: { name: true, slug: true } } } },
  leadImage: { select: publicImageSelect },
};

type SummaryRow = {
  slug: string;
  headline: string;
  standfirst: string;
  publishedAt: Date | null;
  bylines: { author: BylineAuthor }[];
  leadImage: PublicImage | null;
};

function toSummary(row: SummaryRow): ArticleSummary {
  return {
    slug: row.slug,
    headline: row.headline,
    standfirst: row.standfirst,
    publishedAt: (row.publishedAt ?? new Date(0)).toISOString(),
    authors: row.bylines.map((b) => b.author),
    image: row.leadImage,
  };
}

export const PAGE_SIZE = 20;

/** One page of the front page, newest first, with the total number of pages. */
export const listPublishedArticles = readerCached("published-articles", (page: number) => newestFirst(visibleToReaders(new Date()), page));

/** A page of summaries of the articles `where` names, newest first, and how many pages there are. */
async function newestFirst(where: Prisma.ArticleWhereInput, page: number): Promise<{ articles: ArticleSummary[]; pages: number }> {
  const [rows, total] = await Promise.all([
    readerDb.article.findMany({
      where,
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      ...pageRows(page, PAGE_SIZE),
      select: summarySelect,
    }),
    readerDb.article.count({ where }),
  ]);
  return { articles: rows.map(toSummary), pages: pageCount(total, PAGE_SIZE) };
}

/**
 * Where an address the story had on the site it was imported from leads: its slug here while readers
 * can see it, else null. Not cached: it is one primary-key read, cheaper than rendering the 404
 * that most unknown addresses get, and caching misses would let anyone fill the shared cache with
 * made-up addresses.
 */
export async function legacyRedirectTarget(path: string): Promise<string | null> {
  const legacy = await readerDb.legacyUrl.findUnique({
    where: { path },
    select: { article: { select: { slug: true, deletedAt: true, status: true, publishedAt: true } } },
  });
  return legacy && isVisibleToReaders(legacy.article, new Date()) ? legacy.article.slug : null;
}

export type ArticleLookup = { article: ReaderArticle } | { redirectTo: string } | null;

/** The article at a slug as readers see it, a redirect if the slug is an old one, or null. */
export const getPublishedArticle = readerCached(
  "published-article",
  async (slug: string): Promise<ArticleLookup> => {
    const now = new Date();
    const row = await readerDb.article.findFirst({
      where: { slug, ...visibleToReaders(now) },
      select: {
        ...summarySelect,
        id: true,
        body: true,
        caption: true,
        dateline: true,
        source: true,
        modifiedAt: true,
        relatedEnabled: true,
        suggestionsEnabled: true,
        tags: { orderBy: { position: "asc" }, select: { tag: { select: { name: true } } } },
        relatedLinks: {
          orderBy: { position: "asc" },
          select: {
            label: true,
            url: true,
            targetArticle: { select: { slug: true, headline: true, deletedAt: true, status: true, publishedAt: true } },
          },
        },
      },
    });
    if (!row) {
      const redirect = await readerDb.slugRedirect.findUnique({
        where: { slug },
        select: { article: { select: { slug: true, deletedAt: true, status: true, publishedAt: true } } },
      });
      const target = redirect?.article;
      return target && isVisibleToReaders(target, now) ? { redirectTo: target.slug } : null;
    }
    const related: RelatedStory[] = [];
    let suggestions: Suggestion[] = [];
    if (row.relatedEnabled) {
      for (const link of row.relatedLinks) {
        if (link.url) related.push({ label: link.label, href: link.url, external: true });
        else if (link.targetArticle && isVisibleToReaders(link.targetArticle, now))
          related.push({ label: link.targetArticle.headline, href: `/articles/${link.targetArticle.slug}`, external: false });
      }
    }
    if (row.suggestionsEnabled && related.length < SUGGESTIONS_BELOW) {
      const curatedSlugs = new Set(related.map((r) => r.href));
      suggestions = (await similarArticles(row.id, similarityQuery(`${row.headline} ${row.standfirst}`), MAX_RELATED))
        .filter((s) => !curatedSlugs.has(s.href))
        .slice(0, MAX_RELATED - related.length);
    }
    const images = await libraryImagesIn(row.body);
    return {
      article: readerArticleOf(
        {
          ...row,
          publishedAt: toSummary(row).publishedAt,
          modifiedAt: row.modifiedAt?.toISOString() ?? null,
          authors: toSummary(row).authors,
          image: row.leadImage,
        },
        { related, suggestions, images, tags: row.tags.map((t) => t.tag.name) },
      ),
    };
  },
  (slug) => [articleDataTag(slug)],
);

/** The library pictures a body shows, for renderMarkdown. */
export async function libraryImagesIn(body: string): Promise<LibraryImages> {
  return imagesByHash(readerDb, libraryHashesIn(body));
}

/** The length of the plain-text opening used for descriptions. */
const SUMMARY_LENGTH = 300;

/**
 * An article as readers see it, from its stored fields: the one place a body becomes HTML and a
 * summary. The workspace's preview uses it too, so a preview is what readers will get.
 */
export function readerArticleOf(
  content: Parameters<typeof editableTextOf>[0] & {
    id: string;
    publishedAt: string;
    modifiedAt: string | null;
    authors: BylineAuthor[];
    image: PublicImage | null;
  },
  {
    related = [],
    suggestions = [],
    images,
    tags = [],
  }: { related?: RelatedStory[]; suggestions?: Suggestion[]; images?: LibraryImages; tags?: string[] } = {},
): ReaderArticle {
  // The Markdown itself stays out: readers (and the cache, and the JSON API) get the HTML.
  const { body, ...text } = editableTextOf(content);
  return {
    ...text,
    id: content.id,
    publishedAt: content.publishedAt,
    authors: content.authors,
    image: content.image,
    bodyHtml: renderMarkdown(body, images),
    modifiedAt: content.modifiedAt,
    summary: markdownToPlainText(body).slice(0, SUMMARY_LENGTH),
    related,
    suggestions,
    tags,
  };
}

/** Published articles sharing the most (and rarest) words with the given text, never the article itself. */
async function similarArticles(articleId: string, text: string, limit: number): Promise<Suggestion[]> {
  const { hits } = await searchArticleIds(text, { mode: "any", limit, excludeIds: [articleId] });
  // A page re-rendered at every save of its story: a query for no ids would still cost a round trip.
  if (hits.length === 0) return [];
  const rows = await readerDb.article.findMany({
    where: { id: { in: hits.map((h) => h.id) } },
    select: { id: true, slug: true, headline: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return hits.flatMap((h) => {
    const row = byId.get(h.id);
    return row ? [{ headline: row.headline, href: `/articles/${row.slug}` }] : [];
  });
}

/** Summaries of the given ids, in the given order (search results). */
async function summariesInOrder(ids: string[]): Promise<ArticleSummary[]> {
  if (ids.length === 0) return [];
  const rows = await readerDb.article.findMany({ where: { id: { in: ids } }, select: { ...summarySelect, id: true } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => (byId.has(id) ? [toSummary(byId.get(id)!)] : []));
}

export const SEARCH_PAGE_SIZE = 10;

export type SearchResults = { results: ArticleSummary[]; total: number; more: boolean; pages: number };

/** Search results for readers, best first, from the database (the search page uses searchForReaders). */
export async function searchPublishedArticles(query: string, page: number): Promise<SearchResults> {
  const { hits, total } = await searchArticleIds(query, { limit: SEARCH_PAGE_SIZE, offset: (page - 1) * SEARCH_PAGE_SIZE });
  // Matches are ranked and counted among the newest RANK_WINDOW (lib/search): "1,000+" beyond.
  const pages = Math.min(pageCount(total, SEARCH_PAGE_SIZE), RANK_WINDOW / SEARCH_PAGE_SIZE);
  return { results: await summariesInOrder(hits.map((h) => h.id)), total: Math.min(total, RANK_WINDOW), more: total > RANK_WINDOW, pages };
}

export type ReaderAuthor = { name: string; slug: string; bio: string; articles: ArticleSummary[]; page: number; pages: number };

/**
 * An author with a page of their published articles, newest first (PAGE_SIZE a page); null if
 * unknown, with nothing published, or past the last page.
 */
export const getAuthorWithArticles = readerCached(
  "author-with-articles",
  async (slug: string, page: number): Promise<ReaderAuthor | null> => {
    const author = await readerDb.author.findUnique({ where: { slug }, select: { id: true, name: true, slug: true, bio: true } });
    if (!author) return null;
    const { articles, pages } = await newestFirst({ ...visibleToReaders(new Date()), bylines: { some: { authorId: author.id } } }, page);
    if (articles.length === 0) return null;
    return { name: author.name, slug: author.slug, bio: author.bio, articles, page, pages };
  },
);

/**
 * The newest published articles with what feeds need: what lists show of them, no more. An edit
 * to a story's text leaves feeds as they were, so it expires none of them (the feed was rendered
 * again at every save of a live story, with ~50 readers waiting on each render under load).
 */
export const latestForFeeds = readerCached("latest-for-feeds", async (limit: number, since?: string): Promise<ArticleSummary[]> => {
  const where = visibleToReaders(new Date());
  const rows = await readerDb.article.findMany({
    where: since ? { ...where, publishedAt: { ...where.publishedAt, gte: new Date(since) } } : where,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: summarySelect,
  });
  return rows.map(toSummary);
});

/** Every published article's URL data, for the sitemap. */
export const sitemapEntries = readerCached(
  "sitemap-entries",
  async (): Promise<{ slug: string; lastModified: string }[]> => {
    const rows = await readerDb.article.findMany({
      where: visibleToReaders(new Date()),
      orderBy: { publishedAt: "desc" },
      take: 50_000,
      select: { slug: true, publishedAt: true, modifiedAt: true },
    });
    return rows.map((r) => ({ slug: r.slug, lastModified: (r.modifiedAt ?? r.publishedAt ?? new Date(0)).toISOString() }));
  },
  () => [READER_DATES_TAG],
);

/**
 * What readers searched for in the last second on this instance. Queries are too varied for the
 * shared cache, but a breaking story sends many readers after the same words at once: they share
 * one search, and those asking while it runs wait for it. Bounded, so a flood of different queries
 * only churns it. Not emptied by a change: results follow a change within the second, as reader
 * pages do on every instance, and editors saving all the time do not send every search back to
 * the database. On globalThis: the Pages Router and the App Router load this module separately.
 */
const recentSearches = ((globalThis as { bylineRecentSearches?: RecentSearches }).bylineRecentSearches ??= {
  results: new LRUCache<string, SearchResults>({ max: 1000, ttl: READER_PAGE_REVALIDATE_SECONDS * 1000 }),
  running: singleFlight(),
});
type RecentSearches = { results: LRUCache<string, SearchResults>; running: ReturnType<typeof singleFlight> };

export async function searchForReaders(query: string, page: number): Promise<SearchResults> {
  const key = JSON.stringify([searchTerms(query), page]);
  return (
    recentSearches.results.get(key) ??
    recentSearches.running.run(key, async () => {
      const found = await searchPublishedArticles(query, page);
      recentSearches.results.set(key, found);
      return found;
    })
  );
}
