// Server code that the reader pages (pages/, Pages Router) also load: Next refuses `server-only` there.
import { Prisma } from "@/generated/sqlite/client";
import { visibleToReadersSql } from "@/lib/articles/policy";
import { currentEngine, db, readerDb } from "@/lib/db";

/**
 * Full-text search over published headline, standfirst and body, ranked by relevance:
 * SQLite FTS5 (bm25, porter stemming) or PostgreSQL tsvector (ts_rank, english stemming),
 * behind one function. Input is reduced to plain words first, so quotes, operators, SQL
 * metacharacters or 2,000 characters of anything can at worst find nothing.
 */

const MAX_TERMS = 24;

/**
 * A search for a common word ("france") can match most of a large archive, and ranking every match
 * took most of a second at 100,000 articles (49 req/s, p99 2.6 s on PostgreSQL at 2,000). Both modes
 * rank the newest RANK_WINDOW matches only: for news, the most relevant of the latest thousand is
 * the better answer anyway, and reading them newest first is a walk down an index.
 */
export const RANK_WINDOW = 1000;

/** The words of a query: letters and digits of any script, at most MAX_TERMS of them. */
export function searchTerms(query: string): string[] {
  const words =
    query
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, MAX_TERMS);
}

export type SearchHit = { id: string; rank: number };

/**
 * Ids of matching articles visible to readers, best first among the newest RANK_WINDOW matches.
 * `mode: "all"` needs every word (the search page); `"any"` ranks by how many and how rare the
 * shared words are (similar articles). `total` is exact up to RANK_WINDOW and RANK_WINDOW + 1
 * beyond ("1,000+"): it is counted in the window the ranking reads anyway, since counting every
 * match of a common word (10,000 of them, each stored vector read) cost more than the search.
 * `includeUnpublished` widens the set to every article not in the trash, for staff tools;
 * `ranked: false` skips ranking and counting (its `total` is only the number of hits returned), for
 * callers that only want some matches and order them their own way.
 */
export async function searchArticleIds(
  query: string,
  { mode = "all", limit = 20, offset = 0, excludeIds = [] as string[], includeUnpublished = false, ranked = true } = {},
): Promise<{ hits: SearchHit[]; total: number }> {
  const terms = searchTerms(query);
  if (terms.length === 0) return { hits: [], total: 0 };
  const now = new Date();
  // Readers' searches may run on a replica; staff tools read the primary, which has their last save.
  const client = includeUnpublished ? db : readerDb;
  const exclude = excludeIds.length ? Prisma.sql`AND a."id" NOT IN (${Prisma.join(excludeIds)})` : Prisma.empty;
  // Readers see published articles only; staff tools (link targets) may pick any live article.
  const visible = includeUnpublished
    ? Prisma.sql`a."deletedAt" IS NULL ${exclude}`
    : Prisma.sql`${visibleToReadersSql("a", now)} ${exclude}`;
  const window = RANK_WINDOW + 1;

  let from: Prisma.Sql;
  let rankedWindow: Prisma.Sql;
  if (currentEngine() === "sqlite") {
    // Each term quoted: FTS5 operators (AND, NEAR, *, ^, column filters) lose their meaning.
    const match = terms.map((t) => `"${t}"`).join(mode === "all" ? " " : " OR ");
    // CROSS JOIN keeps SQLite driving from the full-text index: left to itself, the planner may
    // walk an Article index on publishedAt and probe the FTS table row by row (30× slower).
    from = Prisma.sql`FROM "ArticleFts" f CROSS JOIN "Article" a ON a.rowid = f.rowid WHERE "ArticleFts" MATCH ${match} AND ${visible}`;
    // The full-text index yields matches newest-added first, so the window costs little. bm25 is
    // lower for better matches: negated, higher is better, as on PostgreSQL.
    rankedWindow = Prisma.sql`SELECT a."id", a."publishedAt", -bm25("ArticleFts", 10.0, 4.0, 1.0) AS rank ${from} ORDER BY f.rowid DESC LIMIT ${window}`;
  } else {
    // A stored, GIN-indexed column (see its migration): matching and ranking read it as it is.
    const tsquery = Prisma.sql`to_tsquery('english', ${terms.join(mode === "all" ? " & " : " | ")})`;
    from = Prisma.sql`FROM "Article" a WHERE a."searchVector" @@ ${tsquery} AND ${visible}`;
    // deletedAt is NULL throughout, but ordering by it too matches the (deletedAt, publishedAt)
    // index, which PostgreSQL then walks newest first when most articles match.
    rankedWindow = Prisma.sql`SELECT w."id", w."publishedAt", ts_rank(w."searchVector", ${tsquery}) AS rank FROM (SELECT a."id", a."publishedAt", a."searchVector" ${from} ORDER BY a."deletedAt" DESC, a."publishedAt" DESC LIMIT ${window}) w`;
  }
  if (!ranked) {
    const rows = await client.$queryRaw<{ id: string }[]>`SELECT a."id" ${from} LIMIT ${limit} OFFSET ${offset}`;
    return { hits: rows.map((r) => ({ id: r.id, rank: 0 })), total: rows.length };
  }
  // Results come from the first RANK_WINDOW of the ranking; the extra row only tells "more".
  const shown = Math.min(limit, RANK_WINDOW - offset);
  if (shown > 0) {
    const rows = await client.$queryRaw<
      { id: string; rank: number; total: bigint | number }[]
    >`SELECT "id", rank, count(*) OVER () AS total FROM (${rankedWindow}) ranked ORDER BY rank DESC, "publishedAt" DESC LIMIT ${shown} OFFSET ${offset}`;
    if (rows.length > 0 || offset === 0)
      return { hits: rows.map((r) => ({ id: r.id, rank: Number(r.rank) })), total: Number(rows[0]?.total ?? 0) };
  }
  // A page past the last one: the window's size, counted on its own.
  const counted = await client.$queryRaw<{ n: bigint | number }[]>`SELECT count(*) AS n FROM (SELECT 1 ${from} LIMIT ${window}) capped`;
  return { hits: [], total: Number(counted[0]?.n ?? 0) };
}

/**
 * The words that best say what a text is about, for "more like this" searches: up to 12 distinct
 * words of four letters or more, longest first. Fewer, rarer words keep the any-word search from
 * matching (and ranking) most of the archive.
 */
export function similarityQuery(text: string): string {
  const words = searchTerms(text.slice(0, 2000)).filter((w) => w.length >= 4);
  return words
    .sort((a, b) => b.length - a.length)
    .slice(0, 12)
    .join(" ");
}
