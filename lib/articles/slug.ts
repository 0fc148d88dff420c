import "server-only";
import type { Db, Tx } from "@/lib/db";

/** Whether a slug is free: no article has it and no article answers to it as an old slug. */
export async function isSlugFree(tx: Tx | Db, slug: string, exceptArticleId?: string): Promise<boolean> {
  const [article, redirect] = await Promise.all([
    tx.article.findUnique({ where: { slug }, select: { id: true } }),
    tx.slugRedirect.findUnique({ where: { slug }, select: { articleId: true } }),
  ]);
  const takenByOther = (id: string | undefined) => id !== undefined && id !== exceptArticleId;
  return !takenByOther(article?.id) && !takenByOther(redirect?.articleId);
}
