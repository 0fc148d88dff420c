import "server-only";
import { pickedImageSelect } from "@/lib/media/urls";
import { authorized } from "@/lib/auth/actor";
import { db, type Prisma } from "@/lib/db";
import { pageCount, pageRows } from "@/lib/pagination";
import { headlineKey, slugify } from "@/lib/text";
import { effectiveStatus, visibleToReaders, waitingToGoLive } from "./policy";
import { STATUSES, type ArticleStatus } from "./schema";
import { diffText, isUnchanged } from "./diff";
import { editableColumns, type ArticleSnapshot } from "./snapshot";
import { displayName } from "@/lib/users/schema";

// Reads for the editors' workspace: everything, including drafts and the trash. Never cached.
// Each takes the actor first and checks it (lib/auth/actor.ts) before reading anything.

export const ADMIN_PAGE_SIZE = 50;
export const SORTS = { updated: "Last updated", published: "Publish date", headline: "Headline" } as const;
export type Sort = keyof typeof SORTS;

/**
 * A filter that matches few articles is applied as their ids, found through its own index first:
 * the list then reads a handful of rows by key instead of testing every article in sort order.
 * One that matches many (a common word, a wire service's byline) stays a condition, since walking
 * the sort order finds a page of dense matches quickly.
 */
const MANY_ARTICLES = 500;

function narrowTo(where: Prisma.ArticleWhereInput, ids: string[] | null, condition: Prisma.ArticleWhereInput) {
  if (ids === null) where.AND = [...((where.AND as Prisma.ArticleWhereInput[]) ?? []), condition];
  else if (where.id && typeof where.id === "object" && "in" in where.id)
    where.id = { in: (where.id.in as string[]).filter((id) => ids.includes(id)) };
  else where.id = { in: ids };
}

/**
 * The articles list's filters: headline text, status, an author by id (`authorId`) or by name
 * (`author`, any author whose name contains it — at most AUTHOR_FILTER_MATCHES of them, and the
 * result says so when there are more).
 */
export type ArticleListQuery = { q?: string; status?: string; author?: string; authorId?: string; sort?: string; page?: number };
export const AUTHOR_FILTER_MATCHES = 50;

export const listArticlesForAdmin = authorized("articles:edit", async (_user, query: ArticleListQuery) => {
  const now = new Date();
  const where: Prisma.ArticleWhereInput = { deletedAt: null };
  const folded = headlineKey(query.q ?? "");
  if (folded) {
    // A scan of the (headlineKey, id) index, in its own order, finds the matches without reading articles.
    const matches = await db.article.findMany({
      where: { headlineKey: { contains: folded } },
      select: { id: true },
      orderBy: { headlineKey: "asc" },
      take: MANY_ARTICLES + 1,
    });
    narrowTo(where, matches.length <= MANY_ARTICLES ? matches.map((m) => m.id) : null, { headlineKey: { contains: folded } });
  }
  const status = STATUSES.includes(query.status as ArticleStatus) ? (query.status as ArticleStatus) : undefined;
  // Status as shown: "Scheduled" is anything published or scheduled whose time is still to come.
  if (status === "SCHEDULED") where.AND = [...((where.AND as Prisma.ArticleWhereInput[]) ?? []), waitingToGoLive(now)];
  else if (status === "PUBLISHED") Object.assign(where, visibleToReaders(now));
  else if (status) where.status = status;
  let authorIds = query.authorId ? [query.authorId] : null;
  let tooManyAuthors = false;
  const authorName = slugify((query.author ?? "").slice(0, 200), 200);
  if (!authorIds && authorName) {
    const matches = await db.author.findMany({
      where: { slug: { contains: authorName } },
      select: { id: true },
      take: AUTHOR_FILTER_MATCHES + 1,
    });
    tooManyAuthors = matches.length > AUTHOR_FILTER_MATCHES;
    authorIds = matches.slice(0, AUTHOR_FILTER_MATCHES).map((m) => m.id);
  }
  if (authorIds) {
    const byline = { authorId: { in: authorIds } };
    const bylines = await db.byline.findMany({ where: byline, select: { articleId: true }, take: MANY_ARTICLES + 1 });
    narrowTo(where, bylines.length <= MANY_ARTICLES ? [...new Set(bylines.map((b) => b.articleId))] : null, { bylines: { some: byline } });
  }
  const sort: Sort = query.sort && query.sort in SORTS ? (query.sort as Sort) : "updated";
  // deletedAt is NULL throughout; ordering by it as well lets PostgreSQL read the
  // (deletedAt, <sort>, id) index in order instead of sorting the archive.
  const orderBy: Prisma.ArticleOrderByWithRelationInput[] =
    sort === "headline"
      ? [{ deletedAt: "asc" }, { headline: "asc" }, { id: "asc" }]
      : sort === "published"
        ? [{ deletedAt: "desc" }, { publishedAt: "desc" }, { id: "desc" }]
        : [{ deletedAt: "desc" }, { updatedAt: "desc" }, { id: "desc" }];
  const page = Math.max(1, Math.min(query.page ?? 1, 100_000));
  const [rows, total] = await Promise.all([
    db.article.findMany({
      where,
      orderBy,
      skip: (page - 1) * ADMIN_PAGE_SIZE,
      take: ADMIN_PAGE_SIZE,
      select: {
        id: true,
        headline: true,
        slug: true,
        status: true,
        publishedAt: true,
        updatedAt: true,
        updatedBy: { select: { name: true, email: true } },
        bylines: { orderBy: { position: "asc" }, select: { author: { select: { name: true } } } },
      },
    }),
    db.article.count({ where }),
  ]);
  return {
    sort,
    tooManyAuthors,
    page,
    pages: pageCount(total, ADMIN_PAGE_SIZE),
    total,
    articles: rows.map((r) => ({
      id: r.id,
      headline: r.headline,
      slug: r.slug,
      status: effectiveStatus(r.status, r.publishedAt, now),
      publishedAt: r.publishedAt,
      updatedAt: r.updatedAt,
      updatedBy: r.updatedBy ? displayName(r.updatedBy) : null,
      authors: r.bylines.map((b) => b.author.name),
    })),
  };
});

function findArticleForEditor(id: string) {
  return db.article.findFirst({
    where: { id, deletedAt: null },
    select: {
      id: true,
      ...editableColumns,
      version: true,
      updatedAt: true,
      bylines: { orderBy: { position: "asc" }, select: { author: { select: { id: true, name: true } } } },
      leadImage: { select: pickedImageSelect },
    },
  });
}
export type EditorArticle = NonNullable<Awaited<ReturnType<typeof findArticleForEditor>>>;

export const getArticleForEditor = authorized("articles:edit", async (_user, id: string) => findArticleForEditor(id));

/** The newest REVISIONS_SHOWN revisions of an article, and how many it has in all (the page says when it shows fewer). */
export const REVISIONS_SHOWN = 200;
export const listRevisions = authorized("articles:edit", async (_user, articleId: string) => {
  const [rows, total] = await Promise.all([
    db.revision.findMany({
      where: { articleId },
      orderBy: { version: "desc" },
      take: REVISIONS_SHOWN,
      select: { version: true, createdAt: true, user: { select: { name: true, email: true } } },
    }),
    db.revision.count({ where: { articleId } }),
  ]);
  return {
    total,
    revisions: rows.map((r) => ({ version: r.version, createdAt: r.createdAt, by: r.user ? displayName(r.user) : "import" })),
  };
});

async function findRevision(articleId: string, version: number) {
  if (!Number.isSafeInteger(version)) return null;
  const row = await db.revision.findUnique({
    where: { articleId_version: { articleId, version } },
    select: { version: true, createdAt: true, snapshot: true, user: { select: { name: true, email: true } } },
  });
  if (!row) return null;
  return {
    version: row.version,
    createdAt: row.createdAt,
    by: row.user ? displayName(row.user) : "import",
    snapshot: JSON.parse(row.snapshot) as ArticleSnapshot,
  };
}

export const getRevision = authorized("articles:edit", async (_user, articleId: string, version: number) =>
  findRevision(articleId, version),
);

const COMPARED_FIELDS = [
  ["Headline", "headline"],
  ["Slug", "slug"],
  ["Standfirst", "standfirst"],
  ["Body", "body"],
  ["Caption", "caption"],
  ["Dateline", "dateline"],
  ["Source", "source"],
] as const;

/** Any two versions of an article, field by field, with the words that changed (null: either version does not exist). */
export const compareRevisions = authorized("articles:edit", async (_user, articleId: string, from: number, to: number) => {
  const [older, newer] = await Promise.all([findRevision(articleId, from), findRevision(articleId, to)]);
  if (!older || !newer) return null;
  const authors = await db.author.findMany({
    where: { id: { in: [...older.snapshot.authorIds, ...newer.snapshot.authorIds] } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(authors.map((a) => [a.id, a.name]));
  const byline = (ids: string[]) => ids.map((id) => nameOf.get(id) ?? "(deleted author)").join("\n");
  const fields = [
    ...COMPARED_FIELDS.map(([label, key]) => ({ label, rows: diffText(older.snapshot[key] ?? "", newer.snapshot[key] ?? "") })),
    { label: "Authors", rows: diffText(byline(older.snapshot.authorIds), byline(newer.snapshot.authorIds)) },
  ];
  return { from: older, to: newer, fields, identical: fields.every((f) => isUnchanged(f.rows)) };
});

/** A page of the trash, most recently trashed first. */
export const listTrash = authorized("articles:restore", async (_user, page: number) => {
  const where = { deletedAt: { not: null } };
  const [articles, total] = await Promise.all([
    db.article.findMany({
      where,
      orderBy: [{ deletedAt: "desc" }, { id: "desc" }],
      ...pageRows(page, ADMIN_PAGE_SIZE),
      select: { id: true, headline: true, deletedAt: true, updatedBy: { select: { name: true, email: true } } },
    }),
    db.article.count({ where }),
  ]);
  return { articles, total, page, pages: pageCount(total, ADMIN_PAGE_SIZE) };
});
