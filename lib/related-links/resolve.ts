import "server-only";
import type { Db } from "@/lib/db";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Connects related-story labels and headlines that fold to the same key, in both directions,
 * so the order in which two articles arrive does not matter:
 * the article's own unresolved links get a target, and other articles' unresolved links
 * whose label matches its headline get this article. An article never links to itself.
 */
export async function resolveRelatedLinks(tx: Tx, article: { id: string; headlineKey: string }): Promise<void> {
  const unresolved = await tx.relatedLink.findMany({
    where: { articleId: article.id, targetArticleId: null, url: null },
    select: { id: true, labelKey: true },
  });
  if (unresolved.length > 0) {
    const candidates = await tx.article.findMany({
      where: { headlineKey: { in: [...new Set(unresolved.map((l) => l.labelKey))] }, deletedAt: null, id: { not: article.id } },
      select: { id: true, headlineKey: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    const firstByKey = new Map<string, string>();
    for (const candidate of candidates) if (!firstByKey.has(candidate.headlineKey)) firstByKey.set(candidate.headlineKey, candidate.id);
    for (const link of unresolved) {
      const target = firstByKey.get(link.labelKey);
      if (target) await tx.relatedLink.update({ where: { id: link.id }, data: { targetArticleId: target } });
    }
  }
  if (article.headlineKey) {
    await tx.relatedLink.updateMany({
      where: { labelKey: article.headlineKey, targetArticleId: null, url: null, articleId: { not: article.id } },
      data: { targetArticleId: article.id },
    });
  }
}
