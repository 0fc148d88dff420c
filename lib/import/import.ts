import "server-only";
import type { Db } from "@/lib/db";
import { paragraphsToMarkdown } from "@/lib/articles/markdown";
import { snapshotOf } from "@/lib/articles/snapshot";
import { uniqueSlug } from "@/lib/articles/slug";
import { resolveRelatedLinks } from "@/lib/related-links/resolve";
import { headlineKey, slugify } from "@/lib/text";
import type { ParsedDocument } from "./parse";

export type ImportOutcome = { status: "imported" | "unchanged"; articleId: string; slug: string };

/**
 * Writes one parsed document in one transaction: a PUBLISHED article with its byline,
 * its related links (resolved both ways) and its first revision. A document already
 * imported (same content hash) is left exactly as editors may have changed it.
 */
export async function importDocument(db: Db, document: ParsedDocument): Promise<ImportOutcome> {
  const existing = await db.article.findUnique({ where: { importHash: document.hash }, select: { id: true, slug: true } });
  if (existing) return { status: "unchanged", articleId: existing.id, slug: existing.slug };

  try {
    return await db.$transaction(async (tx) => {
      const authorIds: string[] = [];
      for (const name of document.authors) {
        const slug = slugify(name) || "author";
        const author = await tx.author.upsert({ where: { slug }, create: { slug, name }, update: {}, select: { id: true } });
        if (!authorIds.includes(author.id)) authorIds.push(author.id);
      }

      const fields = {
        slug: await uniqueSlug(tx, document.headline),
        headline: document.headline,
        standfirst: document.standfirst,
        body: paragraphsToMarkdown(document.paragraphs),
        caption: document.caption,
        dateline: document.dateline,
        source: document.source,
        status: "PUBLISHED" as const,
        publishedAt: document.publishedAt,
        relatedEnabled: true,
      };
      const article = await tx.article.create({
        data: {
          ...fields,
          headlineKey: headlineKey(document.headline),
          importHash: document.hash,
          bylines: { create: authorIds.map((authorId, position) => ({ authorId, position })) },
          relatedLinks: {
            create: document.related.map((label, position) => ({ label, labelKey: headlineKey(label), position })),
          },
          revisions: { create: { version: 1, snapshot: snapshotOf(fields, authorIds) } },
        },
        select: { id: true, slug: true, headlineKey: true },
      });
      await resolveRelatedLinks(tx, article);
      return { status: "imported" as const, articleId: article.id, slug: article.slug };
    });
  } catch (error) {
    // Another import of the same document won the race: that is the idempotent outcome too.
    if ((error as { code?: string }).code === "P2002") {
      const winner = await db.article.findUnique({ where: { importHash: document.hash }, select: { id: true, slug: true } });
      if (winner) return { status: "unchanged", articleId: winner.id, slug: winner.slug };
    }
    throw error;
  }
}
