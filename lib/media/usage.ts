import type { Db, Prisma, Tx } from "@/lib/db";
import { publicImageSelect, type PublicImage } from "./urls";

/** A client or a transaction: these reads run in either (and on the readers' replicas). */
type ImageReader = Pick<Tx, "image" | "imageAlias"> | Pick<Db, "image" | "imageAlias">;
// The two differ only in the password-hash omission on users, which these reads never touch.
const reader = (db: ImageReader) => db as Pick<Tx, "image" | "imageAlias">;

/** Articles whose body shows the picture by any hash it has had (a scan of bodies: for the rare screens that need it). */
export function articlesShowingInBody(contentHashes: string[]): Prisma.ArticleWhereInput {
  return { OR: contentHashes.map((hash) => ({ body: { contains: `/media/${hash}` } })) };
}

/** Every hash an image has had: its own, and those of the files it replaced. */
export async function hashesOf(db: ImageReader, imageId: string, contentHash: string): Promise<string[]> {
  const aliases = await reader(db).imageAlias.findMany({ where: { imageId }, select: { contentHash: true } });
  return [contentHash, ...aliases.map((a) => a.contentHash)];
}

/**
 * The library pictures that body references name, keyed by the hash each reference uses: a
 * picture replaced since is found by its old hash and answers with its new file.
 */
export async function imagesByHash(db: ImageReader, hashes: string[]): Promise<Map<string, PublicImage>> {
  const found = new Map<string, PublicImage>();
  if (hashes.length === 0) return found;
  const [direct, aliased] = await Promise.all([
    reader(db).image.findMany({ where: { contentHash: { in: hashes } }, select: publicImageSelect }),
    reader(db).imageAlias.findMany({
      where: { contentHash: { in: hashes } },
      select: { contentHash: true, image: { select: publicImageSelect } },
    }),
  ]);
  for (const image of direct) found.set(image.contentHash, image);
  for (const alias of aliased) found.set(alias.contentHash, alias.image);
  return found;
}
