import "server-only";
import { Prisma } from "@/generated/sqlite/client";
import { authorized } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { hiddenFromReaders, isVisibleToReaders } from "@/lib/articles/policy";
import { searchArticleIds, similarityQuery } from "@/lib/search";
import { headlineKey } from "@/lib/text";
import { candidatesFor, candidatesForEach, type Candidate } from "./matching";

export type { Candidate };

// Reads for curating related stories (the admin panel, the report). Never cached. The exported
// ones take the actor first and check it (lib/auth/actor.ts).

export type LinkState = "published" | "unpublished" | "external" | "unresolved";
export type PanelLink = {
  id: string;
  position: number;
  label: string;
  state: LinkState;
  url: string | null;
  target: { id: string; headline: string; slug: string } | null;
};

const targetSelect = { id: true, headline: true, slug: true, status: true, publishedAt: true, deletedAt: true } as const;

function stateOf(
  link: { url: string | null; targetArticle: { status: string; publishedAt: Date | null; deletedAt: Date | null } | null },
  now: Date,
): LinkState {
  if (link.url) return "external";
  if (!link.targetArticle) return "unresolved";
  return isVisibleToReaders(link.targetArticle, now) ? "published" : "unpublished";
}

async function getRelatedPanel(articleId: string) {
  const now = new Date();
  const article = await db.article.findFirst({
    where: { id: articleId, deletedAt: null },
    select: {
      relatedEnabled: true,
      suggestionsEnabled: true,
      relatedLinks: {
        orderBy: { position: "asc" },
        select: { id: true, position: true, label: true, url: true, targetArticle: { select: targetSelect } },
      },
    },
  });
  if (!article) return null;
  const links: PanelLink[] = article.relatedLinks.map((l) => ({
    id: l.id,
    position: l.position,
    label: l.label,
    url: l.url,
    state: stateOf(l, now),
    target: l.targetArticle ? { id: l.targetArticle.id, headline: l.targetArticle.headline, slug: l.targetArticle.slug } : null,
  }));
  return { relatedEnabled: article.relatedEnabled, suggestionsEnabled: article.suggestionsEnabled, links };
}

export const candidatesForLabel = authorized("related-links:read", async (_user, label: string, excludeArticleId: string, limit?: number) =>
  candidatesFor(label, excludeArticleId, limit),
);

/** Published articles most alike this one by text, with their relevance score, not already linked. */
async function suggestionsOf(articleId: string, limit = 8): Promise<Candidate[]> {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { headline: true, standfirst: true, body: true, relatedLinks: { select: { targetArticleId: true } } },
  });
  if (!article) return [];
  const linked = article.relatedLinks.map((l) => l.targetArticleId).filter((id): id is string => !!id);
  const text = similarityQuery(`${article.headline} ${article.standfirst} ${article.body.slice(0, 600)}`);
  const { hits } = await searchArticleIds(text, { mode: "any", limit, excludeIds: [articleId, ...linked] });
  const rows = await db.article.findMany({ where: { id: { in: hits.map((h) => h.id) } }, select: { id: true, headline: true } });
  const byId = new Map(rows.map((r) => [r.id, r.headline]));
  return hits.flatMap((h) => (byId.has(h.id) ? [{ id: h.id, headline: byId.get(h.id)!, score: Math.round(h.rank * 100) / 100 }] : []));
}

export const suggestionsFor = authorized("related-links:read", async (_user, articleId: string, limit?: number) =>
  suggestionsOf(articleId, limit),
);

export const REPORT_PAGE_SIZE = 25;
export const PROBLEM_KINDS = { unresolved: "Unresolved labels", unpublished: "Targets not published", external: "External URLs" } as const;
export type ProblemKind = keyof typeof PROBLEM_KINDS;

/** Report totals above this show as "10,000+": an exact count of a million links took longer than the rest of the report. */
export const REPORT_COUNT_CAP = 10_000;

/**
 * How many unresolved or external links live articles have (`more`: over REPORT_COUNT_CAP).
 * Counted from the index as such links less those of trashed articles: Prisma's count joins each
 * link to its owner, a million lookups in a large archive. (A link goes to an article or a URL,
 * never both, so both kinds have no target and sit in one range of the
 * (targetArticleId, url, articleId, position) index.)
 */
async function countTargetlessLinks(kind: "unresolved" | "external", labelKey: string): Promise<{ total: number; more: boolean }> {
  const condition = Prisma.sql`l."targetArticleId" IS NULL AND l."url" IS ${kind === "unresolved" ? Prisma.sql`NULL` : Prisma.sql`NOT NULL`}${labelKey ? Prisma.sql` AND l."labelKey" LIKE ${`%${labelKey}%`}` : Prisma.empty}`;
  const count = async (query: Prisma.Sql) => Number((await db.$queryRaw<{ n: bigint | number }[]>(query))[0].n);
  const [upToCap, ofTrashed] = await Promise.all([
    count(Prisma.sql`SELECT count(*) AS n FROM (SELECT 1 FROM "RelatedLink" l WHERE ${condition} LIMIT ${REPORT_COUNT_CAP + 1}) capped`),
    // From the (few) trashed articles to their links: ">= the epoch" is "in the trash" written as
    // a range SQLite reads from an index, and CROSS JOIN keeps SQLite from starting at the links.
    count(
      Prisma.sql`SELECT count(*) AS n FROM "Article" a CROSS JOIN "RelatedLink" l WHERE l."articleId" = a."id" AND a."deletedAt" >= ${new Date(0)} AND ${condition}`,
    ),
  ]);
  if (upToCap > REPORT_COUNT_CAP && ofTrashed === 0) return { total: REPORT_COUNT_CAP, more: true };
  const all = upToCap > REPORT_COUNT_CAP ? await count(Prisma.sql`SELECT count(*) AS n FROM "RelatedLink" l WHERE ${condition}`) : upToCap;
  return { total: all - ofTrashed, more: false };
}

/** Every link that does not lead readers to a published article, across all articles. */
export const listLinkProblems = authorized("related-links:read", async (_user, kind: ProblemKind, page: number, q?: string) => {
  const now = new Date();
  // A link goes to an article or a URL, never both: unresolved and external links both have no
  // target, which puts them in one range of the (targetArticleId, url, articleId, position) index.
  const links: Prisma.RelatedLinkWhereInput =
    kind === "unresolved"
      ? { targetArticleId: null, url: null }
      : kind === "external"
        ? { targetArticleId: null, url: { not: null } }
        : { targetArticleId: { not: null }, targetArticle: hiddenFromReaders(now) };
  const folded = headlineKey(q ?? "");
  if (folded) links.labelKey = { contains: folded };
  const where: Prisma.RelatedLinkWhereInput = { ...links, article: { deletedAt: null } };
  const [rows, { total, more }] = await Promise.all([
    db.relatedLink.findMany({
      where,
      orderBy: [{ articleId: "asc" }, { position: "asc" }],
      skip: (page - 1) * REPORT_PAGE_SIZE,
      take: REPORT_PAGE_SIZE,
      select: {
        id: true,
        label: true,
        url: true,
        article: { select: { id: true, headline: true } },
        targetArticle: { select: targetSelect },
      },
    }),
    kind === "unpublished" ? db.relatedLink.count({ where }).then((total) => ({ total, more: false })) : countTargetlessLinks(kind, folded),
  ]);
  const bestMatches =
    kind === "unresolved"
      ? await candidatesForEach(
          rows.map((r) => ({ label: r.label, excludeArticleId: r.article.id })),
          1,
          "all",
        )
      : [];
  const items = rows.map((r, i) => ({
    id: r.id,
    label: r.label,
    url: r.url,
    article: r.article,
    target: r.targetArticle ? { headline: r.targetArticle.headline, id: r.targetArticle.id } : null,
    best: bestMatches[i]?.[0] ?? null,
  }));
  const pages = Math.max(1, Math.ceil(total / REPORT_PAGE_SIZE), more && rows.length === REPORT_PAGE_SIZE ? page + 1 : 0);
  return { items, total, more, page, pages };
});

/** Articles whose headline contains the words, for picking a link target by hand (the panel's search box). */
export const findLinkTargets = authorized("related-links:read", async (_user, articleId: string, query: string) => {
  const folded = headlineKey(query);
  if (!folded) return [];
  return db.article.findMany({
    where: { headlineKey: { contains: folded }, deletedAt: null, id: { not: articleId } },
    orderBy: { publishedAt: "desc" },
    take: 10,
    select: { id: true, headline: true },
  });
});

/**
 * The best match of every unresolved label of the article (null: none shares all its words), or,
 * for one label, the three most alike articles sharing any of its words. Asked for when an admin
 * opens the unresolved labels: an imported article can carry dozens, each a search of the archive.
 */
export const unresolvedMatches = authorized("related-links:read", async (_user, articleId: string, linkId?: string) => {
  const links = await db.relatedLink.findMany({
    where: { articleId, targetArticleId: null, url: null, ...(linkId ? { id: linkId } : {}) },
    orderBy: { position: "asc" },
    select: { id: true, label: true },
  });
  const candidates = await candidatesForEach(
    links.map((l) => ({ label: l.label, excludeArticleId: articleId })),
    linkId ? 3 : 1,
    linkId ? "any" : "all",
  );
  return links.map((l, i) => ({ linkId: l.id, candidates: candidates[i] }));
});

/** Everything the related-stories panel shows for one article; matches for its unresolved labels come on request. */
export const relatedPanelData = authorized("related-links:read", async (_user, articleId: string) => {
  const panel = await getRelatedPanel(articleId);
  if (!panel) return null;
  return { ...panel, suggestions: await suggestionsOf(articleId) };
});
