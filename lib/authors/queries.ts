import "server-only";
import { authorized } from "@/lib/auth/actor";
import { db, type Prisma } from "@/lib/db";
import { pageCount, pageRows } from "@/lib/pagination";
import { slugify } from "@/lib/text";

// Workspace reads of authors; each checks the actor first (lib/auth/actor.ts). Nothing here loads
// "the first N" authors: lists are paginated and pickers search on the server as the editor types.

export const AUTHORS_PAGE_SIZE = 50;
export const AUTHOR_MATCHES = 10;

/** Authors whose name (folded as in their slug) contains the text. */
function nameContains(text: string): Prisma.AuthorWhereInput {
  const folded = slugify(text.slice(0, 200), 200);
  return folded ? { slug: { contains: folded } } : {};
}

/** A page of authors by name, with how many articles each is on; `q` narrows by name. */
export const listAuthorsWithCounts = authorized("authors:edit", async (_user, { q = "", page = 1 }: { q?: string; page?: number }) => {
  const where = nameContains(q);
  const [authors, total] = await Promise.all([
    db.author.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      ...pageRows(page, AUTHORS_PAGE_SIZE),
      select: { id: true, name: true, slug: true, _count: { select: { bylines: true } } },
    }),
    db.author.count({ where }),
  ]);
  return { authors, total, page, pages: pageCount(total, AUTHORS_PAGE_SIZE) };
});

export const getAuthorForEditor = authorized("authors:edit", async (_user, id: string) => {
  return db.author.findUnique({ where: { id }, select: { id: true, name: true, slug: true, bio: true } });
});

/**
 * Authors matching what an editor typed into a byline or filter, AUTHOR_MATCHES at a time from
 * `offset`; `more` says whether further matches exist.
 */
export const searchAuthors = authorized("articles:edit", async (_user, text: string, offset: number = 0) => {
  if (!slugify(text.slice(0, 200), 200)) return { authors: [], more: false };
  const rows = await db.author.findMany({
    where: nameContains(text),
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip: Math.max(0, Math.min(offset, 100_000)),
    take: AUTHOR_MATCHES + 1,
    select: { id: true, name: true },
  });
  return { authors: rows.slice(0, AUTHOR_MATCHES), more: rows.length > AUTHOR_MATCHES };
});

export const authorNames = authorized("articles:edit", async (_user, ids: string[]): Promise<Map<string, string>> => {
  const rows = await db.author.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
});
