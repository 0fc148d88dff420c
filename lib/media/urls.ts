import { CROPS, RENDITION_FORMATS, RENDITION_WIDTHS, type Crop, type RenditionFormat } from "./schema";

/** What a reader page needs of an image to link its renditions. */
export type PublicImage = {
  contentHash: string;
  width: number;
  height: number;
  alt: string;
  decorative: boolean;
  caption: string;
  credit: string;
  focalX: number;
  focalY: number;
};

/** The columns behind PublicImage, for every query that shows an image to readers. */
export const publicImageSelect = {
  contentHash: true,
  width: true,
  height: true,
  alt: true,
  decorative: true,
  caption: true,
  credit: true,
  focalX: true,
  focalY: true,
} as const;

/** A library picture as the workspace's choosers show it: PublicImage with its id and file name. */
export const pickedImageSelect = { id: true, originalName: true, ...publicImageSelect } as const;

export type Rendition = { crop: Crop; width: number; format: RenditionFormat; focalX: number; focalY: number };

/**
 * A rendition's path: the content hash, then everything that decides its pixels, so the URL never
 * changes meaning and can be cached for a year. A crop names the focal point it was centred on.
 */
export function renditionPath(image: Pick<PublicImage, "contentHash">, r: Rendition): string {
  const focal = r.crop === "full" ? "" : `-f${r.focalX}-${r.focalY}`;
  return `/media/${image.contentHash}/${r.crop}-${r.width}${focal}.${r.format}`;
}

const FILE_PATTERN = /^(full|16x9|4x3|1x1|og)-(\d{3,4})(?:-f(\d{1,3})-(\d{1,3}))?\.(avif|webp|jpg)$/;

/** The rendition a file name asks for, or null when it is not one Byline makes. */
export function parseRenditionFile(file: string): Rendition | null {
  const match = FILE_PATTERN.exec(file);
  if (!match) return null;
  const [, crop, width, fx, fy, format] = match;
  const hasFocal = fx !== undefined;
  if ((crop === "full") === hasFocal) return null;
  const w = Number(width);
  if (!(RENDITION_WIDTHS as readonly number[]).includes(w)) return null;
  const focalX = hasFocal ? Number(fx) : 50;
  const focalY = hasFocal ? Number(fy) : 50;
  if (focalX > 100 || focalY > 100) return null;
  return { crop: crop as Crop, width: w, format: format as RenditionFormat, focalX, focalY };
}

export const HASH_PATTERN = /^[0-9a-f]{64}$/;

/** The pixel size of a crop of the image at a width, never larger than the image itself. */
export function cropSize(image: Pick<PublicImage, "width" | "height">, crop: Crop, width: number) {
  const aspect = crop === "full" ? image.width / image.height : CROPS[crop];
  // The largest box of that aspect inside the image.
  const boxWidth = Math.min(image.width, Math.round(image.height * aspect));
  const outWidth = Math.min(width, boxWidth);
  return { width: outWidth, height: Math.max(1, Math.round(outWidth / aspect)) };
}

/** The widths worth offering for a crop: every standard width below the image's own, and its own. */
export function widthsFor(image: Pick<PublicImage, "width" | "height">, crop: Crop): number[] {
  const largest = cropSize(image, crop, Number.MAX_SAFE_INTEGER).width;
  const widths = RENDITION_WIDTHS.filter((w) => w < largest);
  const top = RENDITION_WIDTHS.find((w) => w >= largest);
  return top ? [...widths, top] : widths;
}

export function srcset(image: PublicImage, crop: Crop, format: RenditionFormat): string {
  return widthsFor(image, crop)
    .map(
      (w) =>
        `${renditionPath(image, { crop, width: w, format, focalX: image.focalX, focalY: image.focalY })} ${cropSize(image, crop, w).width}w`,
    )
    .join(", ");
}

export function renditionUrl(image: PublicImage, crop: Crop, width: number, format: RenditionFormat = "jpg"): string {
  return renditionPath(image, { crop, width, format, focalX: image.focalX, focalY: image.focalY });
}

/** The 1200 × 630 card link previews show, cropped around the focal point. */
export function socialImageOf(image: PublicImage) {
  const size = cropSize(image, "og", 1200);
  return { path: renditionUrl(image, "og", 1200), width: size.width, height: size.height, alt: image.decorative ? "" : image.alt };
}

/** The three crops Google asks NewsArticle images in (16:9, 4:3, 1:1), as absolute URLs. */
export function structuredDataImages(image: PublicImage, siteUrl: string): string[] {
  return (["16x9", "4x3", "1x1"] as const).map((crop) => `${siteUrl}${renditionUrl(image, crop, 1200)}`);
}

export const contentTypeOf = (format: RenditionFormat) => RENDITION_FORMATS[format];
