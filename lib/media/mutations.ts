import "server-only";
import { authorized } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { invalidateReaderPages } from "@/lib/cache";
import { db } from "@/lib/db";
import type { Outcome } from "@/lib/actions/form-state";
import { inspectUpload } from "./process";
import { articlesShowingInBody } from "./usage";
import type { ImageForm } from "./schema";
import { mediaStore, originalKey, renditionsPrefix } from "./storage";

export type UploadResult = Outcome<{ id: string; duplicate: boolean; width: number; height: number }>;

/**
 * Adds an uploaded file to the library. The file is judged by its bytes (lib/media/process.ts);
 * the same bytes uploaded again are the same image, answered with the one already there.
 */
export const uploadImage = authorized("media:edit", async (user, upload: { name: string; bytes: Buffer }): Promise<UploadResult> => {
  const inspected = await inspectUpload(upload.bytes);
  if (!inspected.ok) return { ok: false, message: inspected.message };
  const existing = await db.image.findUnique({ where: { contentHash: inspected.contentHash }, select: { id: true } });
  if (existing) return { ok: true, id: existing.id, duplicate: true, width: inspected.width, height: inspected.height };
  // The original first: a row never names bytes that are not stored.
  const store = await mediaStore();
  await store.put(originalKey(inspected.contentHash), upload.bytes, "application/octet-stream");
  const originalName = upload.name.replace(/[\u0000-\u001F\u007F/\\]/g, "").slice(0, 200);
  try {
    const image = await db.$transaction(async (tx) => {
      const created = await tx.image.create({
        data: {
          contentHash: inspected.contentHash,
          format: inspected.format,
          width: inspected.width,
          height: inspected.height,
          bytes: inspected.bytes,
          originalName,
          uploadedById: user.id,
        },
        select: { id: true },
      });
      await recordAudit(tx, user, {
        entityType: "image",
        entityId: created.id,
        action: "upload",
        after: { originalName, bytes: inspected.bytes },
      });
      return created;
    });
    return { ok: true, id: image.id, duplicate: false, width: inspected.width, height: inspected.height };
  } catch (error) {
    // The same file uploaded twice at once: the other request created it.
    if ((error as { code?: string }).code === "P2002") {
      const winner = await db.image.findUniqueOrThrow({ where: { contentHash: inspected.contentHash }, select: { id: true } });
      return { ok: true, id: winner.id, duplicate: true, width: inspected.width, height: inspected.height };
    }
    throw error;
  }
});

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
    const uses = image._count.leadOf + (await tx.article.count({ where: articlesShowingInBody(image.contentHash) }));
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
