import "server-only";
import { db } from "@/lib/db";

export async function listAuthorsWithCounts() {
  return db.author.findMany({ orderBy: { name: "asc" }, take: 1000, select: { id: true, name: true, slug: true, _count: { select: { bylines: true } } } });
}

export async function getAuthorForEditor(id: string) {
  return db.author.findUnique({ where: { id }, select: { id: true, name: true, slug: true, bio: true } });
}
