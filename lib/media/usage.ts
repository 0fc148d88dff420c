import type { Prisma } from "@/lib/db";

/** Articles whose body shows the picture (a scan of bodies: for the rare screens that need it). */
export function articlesShowingInBody(contentHash: string): Prisma.ArticleWhereInput {
  return { body: { contains: `/media/${contentHash}` } };
}
