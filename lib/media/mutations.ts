import "server-only";
import { authorized } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { invalidateReaderPages } from "@/lib/cache";
import { db } from "@/lib/db";
import type { Outcome } from "@/lib/actions/form-state";
import { inspectUpload } from "./process";
import { addToLibrary } from "./library";
import { articlesShowingInBody, hashesOf } from "./usage";
import type { ImageForm } from "./schema";
import { mediaStore, originalKey, renditionsPrefix } from "./storage";

export type UploadResult = Outcome<{ id: string; duplicate: boolean; width: number; height: number }>;

/**
 * Adds an uploaded file to the library. The file is judged by its bytes (lib/media/process.ts);
 * the same bytes uploaded again are the same image, answered with the one already there.
 */
export const uploadImage = authorized("media:edit", async (user, upload: { name: string; bytes: Buffer }): Promise<UploadResult> => {
  const stored = await addToLibrary(upload, { uploadedById: user.id }, (tx, image) =>
    recordAudit(tx, user, {
      entityType: "image",
      entityId: image.id,
      action: "upload",
      after: { originalName: image.originalName, bytes: image.bytes },
    }),
  );
  if (!stored.ok) return stored;
  const { id, duplicate, width, height } = stored;
  return { ok: true, id, duplicate, width, height };
});

/**
 * Puts a new file in place of an image everywhere it is used: the image keeps its id, its
 * description and its focal point, so lead pictures follow at once, and bodies that name it by
 * its old hash find it through an alias. The old renditions go; the old original stays.
 */
export const replaceImage = authorized(
  "media:edit",
  async (user, id: string, upload: { name: string; bytes: Buffer }): Promise<UploadResult> => {
    const inspected = await inspectUpload(upload.bytes);
    if (!inspected.ok) return { ok: false, message: inspected.message };
    const current = await db.image.findUnique({ where: { id }, select: { contentHash: true } });
    if (!current) return { ok: false, message: "That image no longer exists." };
    const reply = { ok: true as const, id, duplicate: false, width: inspected.width, height: inspected.height };
    if (current.contentHash === inspected.contentHash) return { ...reply, duplicate: true };
    const [other, alias] = await Promise.all([
      db.image.findUnique({ where: { contentHash: inspected.contentHash }, select: { id: true } }),
      db.imageAlias.findUnique({ where: { contentHash: inspected.contentHash }, select: { imageId: true } }),
    ]);
    if (other || (alias && alias.imageId !== id)) {
      return { ok: false, message: "That file is already in the library as another picture. Use that one, or upload a different file." };
    }
    await (await mediaStore()).put(originalKey(inspected.contentHash), upload.bytes, "application/octet-stream");
    const originalName = upload.name.replace(/[\u0000-\u001F\u007F/\\]/g, "").slice(0, 200);
    const articleIds = await db.$transaction(async (tx) => {
      // Back to a file it had before: that hash is its own again, not an alias.
      await tx.imageAlias.deleteMany({ where: { contentHash: inspected.contentHash } });
      await tx.imageAlias.create({ data: { contentHash: current.contentHash, imageId: id } });
      const { contentHash, format, width, height, bytes } = inspected;
      await tx.image.update({ where: { id }, data: { contentHash, format, width, height, bytes, originalName } });
      await recordAudit(tx, user, {
        entityType: "image",
        entityId: id,
        action: "replace",
        before: { contentHash: current.contentHash },
        after: { contentHash, originalName },
      });
      const using = await tx.article.findMany({
        where: { OR: [{ leadImageId: id }, articlesShowingInBody(await hashesOf(tx, id, contentHash))] },
        select: { id: true },
      });
      return using.map((a) => a.id);
    });
    await (await mediaStore()).removePrefix(renditionsPrefix(current.contentHash));
    await invalidateReaderPages({ articleIds });
    return reply;
  },
);

const EDITABLE = { alt: true, decorative: true, caption: true, credit: true, licence: true, focalX: true, focalY: true } as const;

/** Saves an image's description and focal point; the stories showing it are re-rendered. */
export const updateImage = authorized("media:edit", async (user, form: ImageForm): Promise<Outcome> => {
  const { id, ...fields } = form;
  const result = await db.$transaction(async (tx) => {
    const before = await tx.image.findUnique({ where: { id }, select: { ...EDITABLE, contentHash: true } });
    if (!before) return null;
    await tx.image.update({ where: { id }, data: fields });
    const { contentHash, ...beforeFields } = before;
    await recordAudit(tx, user, { entityType: "image", entityId: id, action: "update", before: beforeFields, after: fields });
    const articles = await tx.article.findMany({ where: { leadImageId: id }, select: { id: true } });
    return { contentHash, creditChanged: before.credit !== fields.credit, articleIds: articles.map((a) => a.id) };
  });
  if (!result) return { ok: false, message: "That image no longer exists." };
  // Renditions carry the credit inside the file: made again on their next request.
  if (result.creditChanged) await (await mediaStore()).removePrefix(renditionsPrefix(result.contentHash));
  await invalidateReaderPages({ articleIds: result.articleIds });
  return { ok: true, message: "Saved." };
});

/** One credit on many pictures at once; stories showing them are re-rendered. */
export const setCredit = authorized("media:edit", async (user, input: { imageIds: string[]; credit: string }): Promise<Outcome> => {
  const ids = [...new Set(input.imageIds)];
  const result = await db.$transaction(async (tx) => {
    const images = await tx.image.findMany({ where: { id: { in: ids } }, select: { id: true, credit: true, contentHash: true } });
    await tx.image.updateMany({ where: { id: { in: images.map((i) => i.id) } }, data: { credit: input.credit } });
    for (const image of images) {
      await recordAudit(tx, user, {
        entityType: "image",
        entityId: image.id,
        action: "update",
        before: { credit: image.credit },
        after: { credit: input.credit },
      });
    }
    const articles = await tx.article.findMany({ where: { leadImageId: { in: images.map((i) => i.id) } }, select: { id: true } });
    return { images, articleIds: articles.map((a) => a.id) };
  });
  const store = await mediaStore();
  for (const image of result.images) await store.removePrefix(renditionsPrefix(image.contentHash));
  await invalidateReaderPages({ articleIds: result.articleIds });
  const n = result.images.length;
  return { ok: true, message: `Credit set on ${n} picture${n === 1 ? "" : "s"}.` };
});

/** Deletes an image no article uses, with its original and renditions. */
export const deleteImage = authorized("media:edit", async (user, id: string): Promise<Outcome> => {
  const result = await db.$transaction(async (tx) => {
    const image = await tx.image.findUnique({
      where: { id },
      select: {
        contentHash: true,
        originalName: true,
        _count: { select: { leadOf: true, logoOf: true, socialOf: true, iconOf: true } },
      },
    });
    if (!image) return { ok: false as const, message: "That image no longer exists." };
    const { logoOf, socialOf, iconOf } = image._count;
    const uses =
      image._count.leadOf + (await tx.article.count({ where: articlesShowingInBody(await hashesOf(tx, id, image.contentHash)) }));
    if (logoOf + socialOf + iconOf > 0) {
      return {
        ok: false as const,
        message: "This picture is part of the site's settings (logo, link preview or icon). Choose another there first.",
      };
    }
    if (uses > 0) {
      return {
        ok: false as const,
        message: `This image is used in ${uses} article${uses === 1 ? "" : "s"}. Choose another picture there first.`,
      };
    }
    try {
      await tx.image.delete({ where: { id } });
    } catch (error) {
      // An editor chose it as a lead image a moment ago.
      if ((error as { code?: string }).code === "P2003")
        return { ok: false as const, message: "This image has just been chosen for an article." };
      throw error;
    }
    await recordAudit(tx, user, { entityType: "image", entityId: id, action: "delete", before: { originalName: image.originalName } });
    return { ok: true as const, contentHash: image.contentHash };
  });
  if (!result.ok) return result;
  const store = await mediaStore();
  await store.removePrefix(renditionsPrefix(result.contentHash));
  await store.removePrefix(originalKey(result.contentHash));
  return { ok: true, message: "Deleted." };
});
