import "server-only";
import { db } from "@/lib/db";

/**
 * What a change touched: the reader pages showing any of it are re-rendered at once. `dataTags`
 * narrows what expires in the reader data cache (lib/reader-tags.ts); without it, all of it does.
 */
export type ReaderChange = { articleIds?: string[]; authorIds?: string[]; paths?: string[]; dataTags?: string[] };

const MOST_LINKING = 100;
const AUTHOR_ARTICLES = 20;

/**
 * The reader pages that show the changed articles and authors: each article's page (and its old
 * addresses, now redirects), its authors' pages, the articles listing it among their related
 * stories, and the front page. Pages further down a list (page 2 on) refresh within a second.
 */
export async function readerPathsOf(change: ReaderChange): Promise<string[]> {
  const articleIds = change.articleIds ?? [];
  const authorIds = change.authorIds ?? [];
  const [articles, linking, authors] = await Promise.all([
    articleIds.length
      ? db.article.findMany({
          where: { id: { in: articleIds } },
          select: { slug: true, slugRedirects: { select: { slug: true } }, bylines: { select: { author: { select: { slug: true } } } } },
        })
      : [],
    articleIds.length
      ? db.relatedLink.findMany({
          where: { targetArticleId: { in: articleIds } },
          take: MOST_LINKING,
          select: { article: { select: { slug: true } } },
        })
      : [],
    authorIds.length
      ? db.author.findMany({
          where: { id: { in: authorIds } },
          select: {
            slug: true,
            bylines: {
              take: AUTHOR_ARTICLES,
              orderBy: { article: { publishedAt: "desc" } },
              select: { article: { select: { slug: true } } },
            },
          },
        })
      : [],
  ]);
  // The front page lists articles and their bylines; a related link alone does not change it.
  const paths = new Set<string>([...(articleIds.length || authorIds.length ? ["/page/1"] : []), ...(change.paths ?? [])]);
  for (const a of articles) {
    paths.add(`/articles/${a.slug}`);
    for (const old of a.slugRedirects) paths.add(`/articles/${old.slug}`);
    for (const b of a.bylines) paths.add(`/authors/${b.author.slug}`);
  }
  for (const l of linking) paths.add(`/articles/${l.article.slug}`);
  for (const a of authors) {
    paths.add(`/authors/${a.slug}`);
    for (const b of a.bylines) paths.add(`/articles/${b.article.slug}`);
  }
  return [...paths];
}
