/** The one condition that decides what readers may see. A scheduled article becomes visible when its time comes. */
export function visibleToReaders(now: Date) {
  return {
    deletedAt: null,
    status: { in: ["PUBLISHED" as const, "SCHEDULED" as const] },
    publishedAt: { lte: now },
  };
}

/** The same rule for a row already loaded (a related story's target, an old slug's article). */
export function isVisibleToReaders(
  article: { deletedAt: Date | null; status: string; publishedAt: Date | null },
  now: Date,
): boolean {
  return (
    article.deletedAt === null &&
    (article.status === "PUBLISHED" || article.status === "SCHEDULED") &&
    article.publishedAt !== null &&
    article.publishedAt <= now
  );
}
