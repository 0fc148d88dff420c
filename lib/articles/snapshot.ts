/** What a revision stores: every field an editor can change, as saved at that version. */
export type ArticleSnapshot = {
  slug: string;
  headline: string;
  standfirst: string;
  body: string;
  caption: string;
  dateline: string;
  source: string;
  status: string;
  publishedAt: string | null;
  relatedEnabled: boolean;
  authorIds: string[];
};

export function snapshotOf(
  article: Omit<ArticleSnapshot, "publishedAt" | "authorIds"> & { publishedAt: Date | null },
  authorIds: string[],
): string {
  const snapshot: ArticleSnapshot = {
    slug: article.slug,
    headline: article.headline,
    standfirst: article.standfirst,
    body: article.body,
    caption: article.caption,
    dateline: article.dateline,
    source: article.source,
    status: article.status,
    publishedAt: article.publishedAt ? article.publishedAt.toISOString() : null,
    relatedEnabled: article.relatedEnabled,
    authorIds,
  };
  return JSON.stringify(snapshot);
}
