import "server-only";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { inspectUpload } from "./process";
import { mediaStore, originalKey } from "./storage";

export type Stored =
  { ok: true; id: string; contentHash: string; duplicate: boolean; width: number; height: number } | { ok: false; message: string };

/**
 * Adds a file's bytes to the media library, judged by its bytes (lib/media/process.ts): the same
 * bytes added again are the same image, answered with the one already there. The workspace's
 * upload and the importers both come through here; `onCreate` records who added it, in the same
 * transaction as the row.
 */
export async function addToLibrary(
  file: { name: string; bytes: Buffer },
  fields: { uploadedById: string | null; alt?: string; caption?: string; credit?: string },
  onCreate?: (tx: Tx, image: { id: string; originalName: string; bytes: number }) => Promise<void>,
): Promise<Stored> {
  const inspected = await inspectUpload(file.bytes);
  if (!inspected.ok) return inspected;
  const { contentHash, width, height } = inspected;
  const existing = await db.image.findUnique({ where: { contentHash }, select: { id: true } });
  if (existing) return { ok: true, id: existing.id, contentHash, duplicate: true, width, height };
  // The original first: a row never names bytes that are not stored.
  const store = await mediaStore();
  await store.put(originalKey(contentHash), file.bytes, "application/octet-stream");
  const originalName = file.name.replace(/[\u0000-\u001F\u007F/\\]/g, "").slice(0, 200);
  try {
    const image = await db.$transaction(async (tx) => {
      const created = await tx.image.create({
        data: {
          contentHash,
          format: inspected.format,
          width,
          height,
          bytes: inspected.bytes,
          originalName,
          uploadedById: fields.uploadedById,
          alt: fields.alt?.slice(0, 1000) ?? "",
          caption: fields.caption?.slice(0, 2000) ?? "",
          credit: fields.credit?.slice(0, 200) ?? "",
        },
        select: { id: true },
      });
      await onCreate?.(tx, { id: created.id, originalName, bytes: inspected.bytes });
      return created;
    });
    return { ok: true, id: image.id, contentHash, duplicate: false, width, height };
  } catch (error) {
    // The same file added twice at once: the other request created it.
    if ((error as { code?: string }).code === "P2002") {
      const winner = await db.image.findUniqueOrThrow({ where: { contentHash }, select: { id: true } });
      return { ok: true, id: winner.id, contentHash, duplicate: true, width, height };
    }
    throw error;
  }
}
