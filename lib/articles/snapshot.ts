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
  /** Absent in revisions saved before lead images existed. */
  leadImageId?: string | null;
};

/** The columns an editor can change (the byline aside), for every query that reads them. */
export const editableColumns = {
  slug: true,
  headline: true,
  standfirst: true,
  body: true,
  caption: true,
  dateline: true,
  source: true,
  status: true,
  publishedAt: true,
  relatedEnabled: true,
  leadImageId: true,
} as const;

type EditableText = Pick<ArticleSnapshot, "slug" | "headline" | "standfirst" | "body" | "caption" | "dateline" | "source">;

/** The text fields an editor writes, copied from anything that has them. */
export function editableTextOf(article: EditableText): EditableText {
  const { slug, headline, standfirst, body, caption, dateline, source } = article;
  return { slug, headline, standfirst, body, caption, dateline, source };
}

export function snapshotOf(
  article: Omit<ArticleSnapshot, "publishedAt" | "authorIds"> & { publishedAt: Date | null },
  authorIds: string[],
): string {
  const snapshot: ArticleSnapshot = {
    ...editableTextOf(article),
    status: article.status,
    publishedAt: article.publishedAt ? article.publishedAt.toISOString() : null,
    relatedEnabled: article.relatedEnabled,
    authorIds,
    leadImageId: article.leadImageId,
  };
  return JSON.stringify(snapshot);
}
