import { existsSync } from "node:fs";
import path from "node:path";

/**
 * The file in an export's media folder that a picture's address names. `uploads` captures the
 * address's path below the uploads folder; the file is looked for in the media folder itself and
 * in each of `layouts` inside it (people hand over the uploads folder or the whole site), as each
 * of `variants` of the name. Null without a media folder, for an address outside the uploads, or
 * for one that would climb out of the folder.
 */
export function exportedMediaFile(
  src: string,
  mediaDir: string | null,
  {
    uploads,
    layouts,
    variants = (relative) => [relative],
  }: { uploads: RegExp; layouts: string[]; variants?: (relative: string) => string[] },
): string | null {
  if (!mediaDir) return null;
  const match = uploads.exec(src.split(/[?#]/)[0]);
  if (!match) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  if (relative.split("/").includes("..")) return null;
  for (const base of [mediaDir, ...layouts.map((layout) => path.join(mediaDir, layout))]) {
    for (const candidate of variants(relative)) {
      const file = path.join(base, candidate);
      if (existsSync(file)) return file;
    }
  }
  return path.join(mediaDir, relative);
}
