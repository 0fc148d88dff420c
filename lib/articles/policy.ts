import { Prisma } from "@/generated/sqlite/client";
import type { ReaderChange } from "@/lib/reader-paths";
import { articleDataTag, READER_DATES_TAG } from "@/lib/reader-tags";
import type { ArticleStatus } from "./schema";

/**
 * What readers may see, written once: an article that is not in the trash, published or
 * scheduled, whose publish time has come. A scheduled article becomes visible when its time comes,
 * with no one publishing it. The same rule in three forms — a predicate for a loaded row, a Prisma
 * `where` (and its negation), and a SQL fragment for raw queries — which test/article-policy.test.ts
 * checks agree on every status, time and trash combination, on both engines.
 */

/** Statuses that put an article in front of readers once its publish time has come. */
export const LIVE_STATUSES = ["PUBLISHED", "SCHEDULED"] as const satisfies readonly ArticleStatus[];

type Row = { deletedAt: Date | null; status: string; publishedAt: Date | null };

export function isVisibleToReaders(article: Row, now: Date): boolean {
  return (
    article.deletedAt === null &&
    (LIVE_STATUSES as readonly string[]).includes(article.status) &&
    article.publishedAt !== null &&
    article.publishedAt <= now
  );
}

export function visibleToReaders(now: Date) {
  return { deletedAt: null, status: { in: [...LIVE_STATUSES] }, publishedAt: { lte: now } } satisfies Prisma.ArticleWhereInput;
}

/** The negation, spelled out: SQL's NOT over a NULL publish time would drop the very rows wanted. */
export function hiddenFromReaders(now: Date) {
  return {
    OR: [{ deletedAt: { not: null } }, { status: { notIn: [...LIVE_STATUSES] } }, { publishedAt: null }, { publishedAt: { gt: now } }],
  } satisfies Prisma.ArticleWhereInput;
}

/** The rule for raw SQL over `"Article"` under the given alias. */
export function visibleToReadersSql(alias: string, now: Date): Prisma.Sql {
  const a = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  return Prisma.sql`${a}."deletedAt" IS NULL AND ${a}."status" IN ('PUBLISHED', 'SCHEDULED') AND ${a}."publishedAt" <= ${now}`;
}

/** Live articles whose time has not come (or is not set): what the workspace shows as "Scheduled". */
export function waitingToGoLive(now: Date) {
  return {
    status: { in: [...LIVE_STATUSES] },
    OR: [{ publishedAt: null }, { publishedAt: { gt: now } }],
  } satisfies Prisma.ArticleWhereInput;
}

/** What a save did, as the editor is told it ("Published — view live", "Scheduled for …"). */
export const SAVE_OUTCOMES = ["published", "updated", "scheduled", "unpublished", "archived", "draft"] as const;
export type SaveOutcome = (typeof SAVE_OUTCOMES)[number];

/** From where an article stood for readers before a save and where it stands after. */
export function saveOutcome(wasVisible: boolean, after: { status: ArticleStatus; publishedAt: Date | null }, now: Date): SaveOutcome {
  if (isVisibleToReaders({ ...after, deletedAt: null }, now)) return wasVisible ? "updated" : "published";
  if ((LIVE_STATUSES as readonly string[]).includes(after.status)) return "scheduled";
  if (after.status === "ARCHIVED") return "archived";
  return wasVisible ? "unpublished" : "draft";
}

/**
 * The status the workspace shows, from the readers' rule: a live article readers can see is
 * "Published", one whose time has not come is "Scheduled", whatever was stored.
 */
export function effectiveStatus(status: ArticleStatus, publishedAt: Date | null, now: Date): ArticleStatus {
  if (!(LIVE_STATUSES as readonly string[]).includes(status)) return status;
  return isVisibleToReaders({ deletedAt: null, status, publishedAt }, now) ? "PUBLISHED" : "SCHEDULED";
}

/** What lists show of an article: fronts, author pages and related-story blocks elsewhere. */
const LISTED_FIELDS = ["slug", "headline", "standfirst", "publishedAt", "leadImageId", "authorIds"] as const;
type ListedFields = { [K in (typeof LISTED_FIELDS)[number]]: unknown };

/**
 * The reader pages a save makes stale, given the article as readers could see it before and after
 * (null where they could not): none for an article hidden both times (a draft save), only its own
 * page when what lists show of it is unchanged, else every page showing it. Re-rendering fewer
 * pages per save is what keeps readers fast while editors save every few seconds.
 */
export function readerChangeOfSave({
  before,
  after,
  id,
}: {
  before: ListedFields | null;
  after: ListedFields | null;
  id: string;
}): ReaderChange | null {
  if (!before && !after) return null;
  if (before && after && LISTED_FIELDS.every((field) => sameValue(before[field], after[field]))) {
    const slug = after.slug as string;
    // Its page, its own data, and the modified dates feeds and sitemaps show.
    return { paths: [`/articles/${slug}`], dataTags: [articleDataTag(slug), READER_DATES_TAG] };
  }
  return { articleIds: [id] };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}
