import { mediaStore, originalKey } from "@/lib/media/storage";

/** The bytes an image was uploaded as, from the configured store. */
export async function originalOf(contentHash: string): Promise<Buffer> {
  const bytes = await (await mediaStore()).get(originalKey(contentHash));
  if (!bytes) throw new Error(`no original for ${contentHash}`);
  return bytes;
}
