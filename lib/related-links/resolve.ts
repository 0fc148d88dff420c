import "server-only";
import { Prisma } from "@/generated/sqlite/client";
import type { Tx } from "@/lib/db";

/**
 * Connects related-story labels and headlines that fold to the same key, in both directions,
 * so the order in which articles arrive does not matter: the given articles' own unresolved
 * links, and every other unresolved link whose label matches one of their headlines, get the
 * oldest live article with that headline as target. An article never links to itself.
 * One statement, whatever the number of links.
 */
export async function resolveRelatedLinks(tx: Tx, articles: { id: string; headlineKey: string }[]): Promise<void> {
  if (articles.length === 0) return;
  const ids = articles.map((a) => a.id);
  const keys = [...new Set(articles.map((a) => a.headlineKey).filter(Boolean))];
  // Plain SQL that reads the same on SQLite and PostgreSQL.
  const candidate = Prisma.sql`FROM "Article" a
    WHERE a."headlineKey" = "RelatedLink"."labelKey" AND a."deletedAt" IS NULL AND a."id" <> "RelatedLink"."articleId"`;
  const matching = keys.length ? Prisma.sql` OR "labelKey" IN (${Prisma.join(keys)})` : Prisma.empty;
  await tx.$executeRaw`
    UPDATE "RelatedLink" SET "targetArticleId" = (SELECT a."id" ${candidate} ORDER BY a."createdAt", a."id" LIMIT 1)
    WHERE "targetArticleId" IS NULL AND "url" IS NULL
      AND ("articleId" IN (${Prisma.join(ids)})${matching})
      AND EXISTS (SELECT 1 ${candidate})`;
}
