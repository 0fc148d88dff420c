import "server-only";
import type { Db } from "@/lib/db";
import { slugify } from "@/lib/text";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Whether a slug is free: no article has it and no article answers to it as an old slug. */
export async function isSlugFree(tx: Tx | Db, slug: string, exceptArticleId?: string): Promise<boolean> {
  const [article, redirect] = await Promise.all([
    tx.article.findUnique({ where: { slug }, select: { id: true } }),
    tx.slugRedirect.findUnique({ where: { slug }, select: { articleId: true } }),
  ]);
  const takenByOther = (id: string | undefined) => id !== undefined && id !== exceptArticleId;
  return !takenByOther(article?.id) && !takenByOther(redirect?.articleId);
}

/** The headline's slug, or the first free "-2", "-3"… variant of it. */
export async function uniqueSlug(tx: Tx | Db, headline: string): Promise<string> {
  const base = slugify(headline) || "article";
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (await isSlugFree(tx, candidate)) return candidate;
  }
}
