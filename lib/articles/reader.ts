import "server-only";
import { unstable_cache } from "next/cache";
import { db } from "@/lib/db";
import { READER_REVALIDATE_SECONDS, READER_TAG } from "@/lib/cache";
import { renderMarkdown } from "./markdown";
import { isVisibleToReaders, visibleToReaders } from "./visibility";

// Reader queries. Results are cached under READER_TAG and must be JSON-serialisable
// (dates as ISO strings): a cache hit does no database work.

const cacheOptions = { tags: [READER_TAG], revalidate: READER_REVALIDATE_SECONDS };

export type BylineAuthor = { name: string; slug: string };
export type ArticleSummary = {
  slug: string;
  headline: string;
  standfirst: string;
  publishedAt: string;
  authors: BylineAuthor[];
};
export type RelatedStory = { label: string; href: string; external: boolean };
export type ReaderArticle = ArticleSummary & {
  id: string;
  bodyHtml: string;
  caption: string;
  dateline: string;
  source: string;
  modifiedAt: string | null;
  related: RelatedStory[];
};

const summarySelect = {
  slug: true,
  headline: true,
  standfirst: true,
  publishedAt: true,
  bylines: { orderBy: { position: "asc" as const }, select: { author: { select: { name: true, slug: true } } } },
};

type SummaryRow = {
  slug: string;
  headline: string;
  standfirst: string;
  publishedAt: Date | null;
  bylines: { author: BylineAuthor }[];
};

function toSummary(row: SummaryRow): ArticleSummary {
  return {
    slug: row.slug,
    headline: row.headline,
    standfirst: row.standfirst,
    publishedAt: (row.publishedAt ?? new Date(0)).toISOString(),
    authors: row.bylines.map((b) => b.author),
  };
}

export const PAGE_SIZE = 20;

/** One page of the front page, newest first, with the total number of pages. */
export const listPublishedArticles = unstable_cache(
  async (page: number): Promise<{ articles: ArticleSummary[]; pages: number }> => {
    const where = visibleToReaders(new Date());
    const [rows, total] = await Promise.all([
      db.article.findMany({
        where,
        orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
        skip: (page - 1) * PAGE_SIZE,
        take: PAGE_SIZE,
        select: summarySelect,
      }),
      db.article.count({ where }),
    ]);
    return { articles: rows.map(toSummary), pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
  },
  ["published-articles"],
  cacheOptions,
);

export type ArticleLookup = { article: ReaderArticle } | { redirectTo: string } | null;

/** The article at a slug as readers see it, a redirect if the slug is an old one, or null. */
export const getPublishedArticle = unstable_cache(
  async (slug: string): Promise<ArticleLookup> => {
    const now = new Date();
    const row = await db.article.findFirst({
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
      const redirect = await db.slugRedirect.findUnique({
        where: { slug },
        select: { article: { select: { slug: true, deletedAt: true, status: true, publishedAt: true } } },
      });
      const target = redirect?.article;
      return target && isVisibleToReaders(target, now) ? { redirectTo: target.slug } : null;
    }
    const related: RelatedStory[] = [];
    if (row.relatedEnabled) {
      for (const link of row.relatedLinks) {
        if (link.url) related.push({ label: link.label, href: link.url, external: true });
        else if (link.targetArticle && isVisibleToReaders(link.targetArticle, now))
          related.push({ label: link.targetArticle.headline, href: `/articles/${link.targetArticle.slug}`, external: false });
      }
    }
    return {
      article: {
        ...toSummary(row),
        id: row.id,
        bodyHtml: renderMarkdown(row.body),
        caption: row.caption,
        dateline: row.dateline,
        source: row.source,
        modifiedAt: row.modifiedAt?.toISOString() ?? null,
        related,
      },
    };
  },
  ["published-article"],
  cacheOptions,
);
