import "server-only";
import { authorSlug } from "@/lib/authors/schema";
import type { Db, Tx } from "@/lib/db";
import { paragraphsToMarkdown } from "@/lib/articles/markdown";
import { snapshotOf } from "@/lib/articles/snapshot";
import { isSlugFree } from "@/lib/articles/slug";
import { changes } from "@/lib/audit/record";
import { insertRows } from "@/lib/db-bulk";
import { resolveRelatedLinks } from "@/lib/related-links/resolve";
import { headlineKey, slugify } from "@/lib/text";
import type { ParsedDocument } from "./parse";

export type ImportOutcome = { status: "imported" | "unchanged"; articleId: string; slug: string };

/**
 * Writes parsed documents in one transaction: each becomes a PUBLISHED article with its byline,
 * its related links (resolved both ways) and its first revision. A document already imported
 * (same content hash) is left exactly as editors may have changed it. If the transaction fails,
 * nothing of any of the documents is written: callers that want one failure to spare the
 * others retry document by document (lib/import/run does).
 */
export async function importDocuments(db: Db, documents: ParsedDocument[]): Promise<ImportOutcome[]> {
  const known = async () =>
    new Map<string, ImportOutcome>(
      (
        await db.article.findMany({
          where: { importHash: { in: documents.map((d) => d.hash) } },
          select: { id: true, slug: true, importHash: true },
        })
      ).map((a) => [a.importHash!, { status: "unchanged", articleId: a.id, slug: a.slug }]),
    );
  const outcomes = await known();
  const fresh = [...new Map(documents.filter((d) => !outcomes.has(d.hash)).map((d) => [d.hash, d])).values()];
  if (fresh.length > 0) {
    try {
      // A batch of a hundred documents on a busy server can take more than Prisma's default 5 s.
      const created = await db.$transaction((tx) => writeDocuments(tx, fresh), { timeout: 60_000 });
      for (const article of created) outcomes.set(article.importHash!, { status: "imported", articleId: article.id, slug: article.slug });
    } catch (error) {
      // A concurrent import of the same document won the race: that is the idempotent outcome too.
      if ((error as { code?: string }).code !== "P2002") throw error;
      const now = await known();
      if (!fresh.every((d) => now.has(d.hash))) throw error;
      for (const [hash, outcome] of now) if (!outcomes.has(hash)) outcomes.set(hash, outcome);
    }
  }
  // A document repeated within the batch is imported once; its repeats count as unchanged.
  const seen = new Set<string>();
  return documents.map((d) => {
    const outcome = outcomes.get(d.hash)!;
    const repeat = seen.has(d.hash);
    seen.add(d.hash);
    return repeat ? { ...outcome, status: "unchanged" } : outcome;
  });
}

async function writeDocuments(tx: Tx, documents: ParsedDocument[]) {
  const authorIds = await ensureAuthors(
    tx,
    documents.flatMap((d) => d.authors),
  );
  const slugs = await allocateSlugs(
    tx,
    documents.map((d) => slugify(d.headline)),
  );
  const rows = documents.map((document, i) => {
    const bylineIds = [...new Set(document.authors.map((name) => authorIds.get(authorSlug(name))!))];
    const fields = {
      slug: slugs[i],
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
    return { document, bylineIds, fields };
  });
  const articles = await tx.article.createManyAndReturn({
    data: rows.map(({ document, fields }) => ({ ...fields, headlineKey: headlineKey(document.headline), importHash: document.hash })),
    select: { id: true, slug: true, headlineKey: true, importHash: true },
  });
  const idByHash = new Map(articles.map((a) => [a.importHash!, a.id]));
  const withIds = rows.map((row) => ({ ...row, articleId: idByHash.get(row.document.hash)! }));
  await writeArticleParts(
    tx,
    withIds.map(({ articleId, bylineIds, document, fields }) => ({ articleId, bylineIds, related: document.related, fields })),
  );
  await resolveRelatedLinks(tx, articles);
  await recordImports(
    tx,
    "import",
    articles.map((a) => ({ articleId: a.id, summary: { slug: a.slug, importHash: a.importHash } })),
  );
  return articles;
}

type NewArticleParts = { articleId: string; bylineIds: string[]; related: string[]; fields: Parameters<typeof snapshotOf>[0] };

/**
 * What every importer writes beside the articles it creates: bylines in order, related-story
 * labels in order (resolved afterwards by the caller) and the first revision. Multi-row INSERTs:
 * Prisma's createMany writes rows one by one on SQLite.
 */
export async function writeArticleParts(tx: Tx, rows: NewArticleParts[]): Promise<void> {
  await insertRows(
    tx,
    "Byline",
    rows.flatMap(({ articleId, bylineIds }) => bylineIds.map((authorId, position) => ({ articleId, authorId, position }))),
    { id: false },
  );
  await insertRows(
    tx,
    "RelatedLink",
    rows.flatMap(({ articleId, related }) =>
      related.map((label, position) => ({ articleId, label, labelKey: headlineKey(label), position })),
    ),
    { timestamps: ["createdAt", "updatedAt"] },
  );
  await insertRows(
    tx,
    "Revision",
    rows.map(({ articleId, fields, bylineIds }) => ({ articleId, version: 1, snapshot: snapshotOf(fields, bylineIds) })),
    { timestamps: ["createdAt"] },
  );
}

/** One audit row per imported article, under the importer's name. */
export async function recordImports(tx: Tx, userLabel: string, imported: { articleId: string; summary: Record<string, unknown> }[]) {
  await insertRows(
    tx,
    "AuditEvent",
    imported.map(({ articleId, summary }) => ({
      userLabel,
      entityType: "article",
      entityId: articleId,
      action: "import",
      summary: JSON.stringify(changes(null, summary)),
    })),
    { timestamps: ["createdAt"] },
  );
}

/** Author ids by slug for the named authors, creating the ones not yet known (with their bio, when given). */
export async function ensureAuthors(tx: Tx, authors: (string | { name: string; bio?: string })[]): Promise<Map<string, string>> {
  const bySlug = new Map<string, { name: string; bio?: string }>();
  for (const author of authors) {
    const named = typeof author === "string" ? { name: author } : author;
    const slug = authorSlug(named.name);
    if (!bySlug.has(slug)) bySlug.set(slug, named);
  }
  const slugs = [...bySlug.keys()];
  if (slugs.length === 0) return new Map();
  const known = await tx.author.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  const knownSlugs = new Set(known.map((a) => a.slug));
  const missing = slugs.filter((slug) => !knownSlugs.has(slug));
  const created = missing.length
    ? await tx.author.createManyAndReturn({
        data: missing.map((slug) => ({ slug, name: bySlug.get(slug)!.name, bio: bySlug.get(slug)!.bio ?? "" })),
        select: { id: true, slug: true },
      })
    : [];
  return new Map([...known, ...created].map((a) => [a.slug, a.id]));
}

/** A free slug per wanted one (a slugified headline): itself, else its first free "-2", "-3"… variant. */
export async function allocateSlugs(tx: Tx, wanted: string[]): Promise<string[]> {
  const bases = wanted.map((slug) => slug || "article");
  const unique = [...new Set(bases)];
  const [articles, redirects] = await Promise.all([
    tx.article.findMany({ where: { slug: { in: unique } }, select: { slug: true } }),
    tx.slugRedirect.findMany({ where: { slug: { in: unique } }, select: { slug: true } }),
  ]);
  const taken = new Set([...articles, ...redirects].map((r) => r.slug));
  const slugs: string[] = [];
  for (const base of bases) {
    let slug = base;
    let n = 1;
    // The bases were checked in one query above; numbered variants (rare) one at a time.
    while (taken.has(slug) || (slug !== base && !(await isSlugFree(tx, slug)))) slug = `${base}-${++n}`;
    taken.add(slug);
    slugs.push(slug);
  }
  return slugs;
}
