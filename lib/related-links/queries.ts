import "server-only";
import { db, type Prisma } from "@/lib/db";
import { isVisibleToReaders } from "@/lib/articles/visibility";
import { searchArticleIds, similarityQuery } from "@/lib/search";
import { headlineKey } from "@/lib/text";
import { headlineSimilarity } from "./similarity";

// Reads for curating related stories (the admin panel, the report). Never cached.

export type LinkState = "published" | "unpublished" | "external" | "unresolved";
export type PanelLink = { id: string; position: number; label: string; state: LinkState; url: string | null; target: { id: string; headline: string; slug: string } | null };

const targetSelect = { id: true, headline: true, slug: true, status: true, publishedAt: true, deletedAt: true } as const;

function stateOf(link: { url: string | null; targetArticle: { status: string; publishedAt: Date | null; deletedAt: Date | null } | null }, now: Date): LinkState {
  if (link.url) return "external";
  if (!link.targetArticle) return "unresolved";
  return isVisibleToReaders(link.targetArticle, now) ? "published" : "unpublished";
}

export async function getRelatedPanel(articleId: string) {
  const now = new Date();
  const article = await db.article.findFirst({
    where: { id: articleId, deletedAt: null },
    select: {
      relatedEnabled: true,
      relatedLinks: { orderBy: { position: "asc" }, select: { id: true, position: true, label: true, url: true, targetArticle: { select: targetSelect } } },
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
  return { relatedEnabled: article.relatedEnabled, links };
}

export type Candidate = { id: string; headline: string; score: number };

/**
 * Articles a label could point at (any live article, published or not), most alike headline first.
 * `mode: "all"` looks only among articles containing every word of the label: cheaper, and enough
 * to find near-exact matches (the report).
 */
export async function candidatesForLabel(label: string, excludeArticleId: string, limit = 5, mode: "any" | "all" = "any"): Promise<Candidate[]> {
  const { hits } = await searchArticleIds(label, { mode, limit: 30, excludeIds: [excludeArticleId], includeUnpublished: true, withTotal: false });
  const rows = await db.article.findMany({ where: { id: { in: hits.map((h) => h.id) } }, select: { id: true, headline: true } });
  return rows
    .map((r) => ({ id: r.id, headline: r.headline, score: headlineSimilarity(label, r.headline) }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || a.headline.localeCompare(b.headline))
    .slice(0, limit);
}

/** Published articles most alike this one by text, with their relevance score, not already linked. */
export async function suggestionsFor(articleId: string, limit = 8): Promise<Candidate[]> {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { headline: true, standfirst: true, body: true, relatedLinks: { select: { targetArticleId: true } } },
  });
  if (!article) return [];
  const linked = article.relatedLinks.map((l) => l.targetArticleId).filter((id): id is string => !!id);
  const text = similarityQuery(`${article.headline} ${article.standfirst} ${article.body.slice(0, 600)}`);
  const { hits } = await searchArticleIds(text, { mode: "any", limit, excludeIds: [articleId, ...linked], withTotal: false });
  const rows = await db.article.findMany({ where: { id: { in: hits.map((h) => h.id) } }, select: { id: true, headline: true } });
  const byId = new Map(rows.map((r) => [r.id, r.headline]));
  return hits.flatMap((h) => (byId.has(h.id) ? [{ id: h.id, headline: byId.get(h.id)!, score: Math.round(h.rank * 100) / 100 }] : []));
}

export const REPORT_PAGE_SIZE = 50;
export const PROBLEM_KINDS = { unresolved: "Unresolved labels", unpublished: "Targets not published", external: "External URLs" } as const;
export type ProblemKind = keyof typeof PROBLEM_KINDS;

/** Every link that does not lead readers to a published article, across all articles. */
export async function listLinkProblems(kind: ProblemKind, page: number, q?: string) {
  const now = new Date();
  const where: Prisma.RelatedLinkWhereInput = { article: { deletedAt: null } };
  if (kind === "unresolved") Object.assign(where, { targetArticleId: null, url: null });
  else if (kind === "external") where.url = { not: null };
  else
    where.targetArticle = {
      OR: [{ status: { in: ["DRAFT", "ARCHIVED"] } }, { publishedAt: { gt: now } }, { publishedAt: null }, { deletedAt: { not: null } }],
    };
  const folded = headlineKey(q ?? "");
  if (folded) where.labelKey = { contains: folded };
  const [rows, total] = await Promise.all([
    db.relatedLink.findMany({
      where,
      orderBy: [{ articleId: "asc" }, { position: "asc" }],
      skip: (page - 1) * REPORT_PAGE_SIZE,
      take: REPORT_PAGE_SIZE,
      select: { id: true, label: true, url: true, article: { select: { id: true, headline: true } }, targetArticle: { select: targetSelect } },
    }),
    db.relatedLink.count({ where }),
  ]);
  const items = await Promise.all(
    rows.map(async (r) => {
      const best = kind === "unresolved" ? (await candidatesForLabel(r.label, r.article.id, 1, "all"))[0] ?? null : null;
      return { id: r.id, label: r.label, url: r.url, article: r.article, target: r.targetArticle ? { headline: r.targetArticle.headline, id: r.targetArticle.id } : null, best };
    }),
  );
  return { items, total, page, pages: Math.max(1, Math.ceil(total / REPORT_PAGE_SIZE)) };
}

/** Articles whose headline contains the words, for picking a link target by hand. */
export async function findArticlesByHeadline(query: string, excludeArticleId: string) {
  const folded = headlineKey(query);
  if (!folded) return [];
  return db.article.findMany({
    where: { headlineKey: { contains: folded }, deletedAt: null, id: { not: excludeArticleId } },
    orderBy: { publishedAt: "desc" },
    take: 10,
    select: { id: true, headline: true },
  });
}

/**
 * Everything the related-stories panel shows for one article. Candidates are looked up for one
 * unresolved link at a time, when an admin asks (`candidatesForLinkId`): an imported article can
 * carry dozens of unresolved labels, and each lookup is a full-text search over the archive.
 */
export async function relatedPanelData(articleId: string, linkSearch: string, candidatesForLinkId?: string) {
  const panel = await getRelatedPanel(articleId);
  if (!panel) return null;
  const asked = panel.links.find((l) => l.id === candidatesForLinkId && l.state === "unresolved");
  const [candidates, suggestions, searchResults] = await Promise.all([
    asked ? candidatesForLabel(asked.label, articleId, 3) : Promise.resolve(null),
    suggestionsFor(articleId),
    linkSearch ? findArticlesByHeadline(linkSearch, articleId) : Promise.resolve(null),
  ]);
  const links = panel.links.map((l) => ({ ...l, candidates: l === asked ? candidates : null }));
  return { relatedEnabled: panel.relatedEnabled, links, suggestions, searchResults };
}
