import "server-only";
import { authorized } from "@/lib/auth/actor";
import { containsAnyCase, db, type Prisma } from "@/lib/db";
import { pageCount, pageRows } from "@/lib/pagination";
import { articlesShowingInBody, hashesOf } from "./usage";
import { pickedImageSelect } from "./urls";
import type { ImageListQuery } from "./schema";

export const MEDIA_PAGE_SIZE = 48;
export const PICKER_MATCHES = 12;

const CARD = {
  ...pickedImageSelect,
  bytes: true,
  format: true,
  createdAt: true,
  uploadedBy: { select: { name: true, email: true } },
  _count: { select: { leadOf: true } },
} as const satisfies Prisma.ImageSelect;

/** Images whose alt text, caption, credit or file name contains the words typed, in any case. */
function textMatches(q: string): Prisma.ImageWhereInput {
  const words = q.trim().split(/\s+/).filter(Boolean).slice(0, 8);
  return {
    AND: words.map((word) => ({
      OR: [
        { alt: containsAnyCase(word) },
        { caption: containsAnyCase(word) },
        { credit: containsAnyCase(word) },
        { originalName: containsAnyCase(word) },
      ],
    })),
  };
}

function monthRange(month: string): Prisma.ImageWhereInput {
  if (!month) return {};
  const [year, m] = month.split("-").map(Number);
  return { createdAt: { gte: new Date(Date.UTC(year, m - 1, 1)), lt: new Date(Date.UTC(year, m, 1)) } };
}

/** The library, newest first: a page of images with who uploaded them and how many articles use each. */
export const listImages = authorized("media:edit", async (_user, query: ImageListQuery) => {
  const where: Prisma.ImageWhereInput = {
    ...textMatches(query.q),
    ...(query.uploader ? { uploadedById: query.uploader } : {}),
    ...monthRange(query.month),
  };
  const [images, total, uploaders] = await Promise.all([
    db.image.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...pageRows(query.page, MEDIA_PAGE_SIZE), select: CARD }),
    db.image.count({ where }),
    db.user.findMany({ where: { images: { some: {} } }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true } }),
  ]);
  return { images, total, uploaders, page: query.page, pages: pageCount(total, MEDIA_PAGE_SIZE) };
});

const USE = { id: true, headline: true, status: true, deletedAt: true } as const;

/** One image for its edit screen, with the articles using it: as their lead picture, or in their body. */
export const getImageForEditor = authorized("media:edit", async (_user, id: string) => {
  const image = await db.image.findUnique({
    where: { id },
    select: { ...CARD, licence: true, leadOf: { orderBy: { updatedAt: "desc" }, take: 100, select: USE } },
  });
  if (!image) return null;
  const inBody = await db.article.findMany({
    where: articlesShowingInBody(await hashesOf(db, id, image.contentHash)),
    orderBy: { updatedAt: "desc" },
    take: 100,
    select: USE,
  });
  return { ...image, inBody };
});

/** The picker's matches as an editor types (no text: the newest). */
export const searchImages = authorized("media:edit", async (_user, q: string, offset: number = 0) => {
  const rows = await db.image.findMany({
    where: textMatches(q.slice(0, 200)),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: Math.max(0, Math.min(offset, 100_000)),
    take: PICKER_MATCHES + 1,
    select: pickedImageSelect,
  });
  return { images: rows.slice(0, PICKER_MATCHES), more: rows.length > PICKER_MATCHES };
});
