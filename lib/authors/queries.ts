import "server-only";
import { authorized } from "@/lib/auth/actor";
import { db } from "@/lib/db";

// Workspace reads of authors; each checks the actor first (lib/auth/actor.ts).

export const listAuthorsWithCounts = authorized("authors:edit", async () => {
  return db.author.findMany({
    orderBy: { name: "asc" },
    take: 1000,
    select: { id: true, name: true, slug: true, _count: { select: { bylines: true } } },
  });
});

export const getAuthorForEditor = authorized("authors:edit", async (_user, id: string) => {
  return db.author.findUnique({ where: { id }, select: { id: true, name: true, slug: true, bio: true } });
});

/** Every author, for the article form's byline picker and the articles list's filter. */
export const listAuthorsForPicker = authorized("articles:edit", async () => {
  return db.author.findMany({ orderBy: { name: "asc" }, take: 5000, select: { id: true, name: true } });
});

export const authorNames = authorized("articles:edit", async (_user, ids: string[]): Promise<Map<string, string>> => {
  const rows = await db.author.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
});
