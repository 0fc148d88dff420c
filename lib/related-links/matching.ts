import "server-only";
import { db } from "@/lib/db";
import { searchArticleIds } from "@/lib/search";
import { CONFIDENT_MATCH } from "./policy";
import { headlineSimilarity } from "./similarity";

// Which live articles an unresolved label could point at. Internal to the domain: its queries and
// mutations check the actor before they call these.

export type Candidate = { id: string; headline: string; score: number };

/**
 * Articles a label could point at (any live article, published or not), most alike headline first.
 * `mode: "all"` looks only among articles containing every word of the label: cheaper, and enough
 * to find near-exact matches (the report).
 */
export async function candidatesFor(label: string, excludeArticleId: string, limit = 5, mode: "any" | "all" = "any"): Promise<Candidate[]> {
  return (await candidatesForEach([{ label, excludeArticleId }], limit, mode))[0];
}

/**
 * candidatesFor for many labels at once (a report page, an article's labels): one search per
 * label, then every found headline in a single read instead of one read per label.
 */
export async function candidatesForEach(
  labels: { label: string; excludeArticleId: string }[],
  limit: number,
  mode: "any" | "all",
): Promise<Candidate[][]> {
  // Every word required matches few articles, all of which can be compared: no text ranking needed.
  const found = await Promise.all(
    labels.map(({ label, excludeArticleId }) =>
      searchArticleIds(label, {
        mode,
        limit: mode === "all" ? 100 : 30,
        excludeIds: [excludeArticleId],
        includeUnpublished: true,
        ranked: mode === "any",
      }),
    ),
  );
  const ids = [...new Set(found.flatMap(({ hits }) => hits.map((h) => h.id)))];
  const headlines = new Map(
    ids.length
      ? (await db.article.findMany({ where: { id: { in: ids } }, select: { id: true, headline: true } })).map((r) => [r.id, r.headline])
      : [],
  );
  return labels.map(({ label }, i) =>
    found[i].hits
      .flatMap(({ id }) => {
        const headline = headlines.get(id);
        return headline === undefined ? [] : [{ id, headline, score: headlineSimilarity(label, headline) }];
      })
      .filter((c) => c.score > 0)
      .sort((a, b) => b.score - a.score || a.headline.localeCompare(b.headline))
      .slice(0, limit),
  );
}

/** For each unresolved label of the article, its best match when that is at least CONFIDENT_MATCH alike. */
export async function confidentMatches(articleId: string): Promise<{ linkId: string; label: string; target: Candidate }[]> {
  const unresolved = await db.relatedLink.findMany({
    where: { articleId, targetArticleId: null, url: null },
    orderBy: { position: "asc" },
    select: { id: true, label: true },
  });
  const found = await candidatesForEach(
    unresolved.map((l) => ({ label: l.label, excludeArticleId: articleId })),
    1,
    "all",
  );
  return unresolved.flatMap((link, i) => {
    const best = found[i][0];
    return best && best.score >= CONFIDENT_MATCH ? [{ linkId: link.id, label: link.label, target: best }] : [];
  });
}
