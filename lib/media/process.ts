import { createHash } from "node:crypto";
import sharp, { type Metadata } from "sharp";
import { ACCEPTED_FORMATS, CROPS, MAX_PIXELS, MAX_UPLOAD_BYTES, type ImageFormat } from "./schema";
import { cropSize, contentTypeOf, type Rendition } from "./urls";

// libvips caches decoded images for repeated operations; renditions are made once, so the cache
// would only hold memory.
sharp.cache(false);

export type Inspected =
  { ok: true; contentHash: string; format: ImageFormat; width: number; height: number; bytes: number } | { ok: false; message: string };

const input = (bytes: Buffer) => sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: "truncated" });

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

/**
 * What an uploaded file is, judged by its bytes alone: an accepted format whose header is sane,
 * within the pixel limit, and which decodes to the end. Anything else is refused with a reason.
 */
export async function inspectUpload(bytes: Buffer): Promise<Inspected> {
  if (bytes.length > MAX_UPLOAD_BYTES) return { ok: false, message: `This file is larger than ${megabytes(MAX_UPLOAD_BYTES)}.` };
  if (bytes.length === 0) return { ok: false, message: "This file is empty." };
  let metadata: Metadata;
  try {
    // Reads the header only: cheap even for a file that claims to be enormous.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, message: "This file is not an image Byline can read. Upload a JPEG, PNG, WebP, AVIF or GIF." };
  }
  const format = metadata.format === "heif" ? (metadata.compression === "av1" ? "avif" : "heic") : metadata.format;
  if (format === "svg") {
    return { ok: false, message: "SVG files are not accepted: they can carry scripts. Upload a PNG export of the graphic." };
  }
  if (!(ACCEPTED_FORMATS as readonly string[]).includes(format ?? "")) {
    return {
      ok: false,
      message: `${(format ?? "This format").toUpperCase()} images are not accepted. Upload a JPEG, PNG, WebP, AVIF or GIF.`,
    };
  }
  const { width = 0, height = 0 } = metadata.autoOrient ?? metadata;
  if (width * height > MAX_PIXELS || width === 0 || height === 0) {
    return {
      ok: false,
      message: `This image claims ${width.toLocaleString("en")} × ${height.toLocaleString("en")} pixels, more than the ${MAX_PIXELS / 1_000_000}-megapixel limit.`,
    };
  }
  try {
    // Decode it all, small: a truncated or corrupt file fails here, not in front of a reader.
    await input(bytes).resize(64, 64, { fit: "inside" }).raw().toBuffer();
  } catch {
    return { ok: false, message: "This image is damaged or incomplete. Export it again and upload the new file." };
  }
  return {
    ok: true,
    contentHash: createHash("sha256").update(bytes).digest("hex"),
    format: format as ImageFormat,
    width,
    height,
    bytes: bytes.length,
  };
}

/** The part of the image a crop keeps: the largest box of its aspect, centred on the focal point as far as the edges allow. */
export function cropBox(image: { width: number; height: number }, aspect: number, focalX: number, focalY: number) {
  const width = Math.min(image.width, Math.round(image.height * aspect));
  const height = Math.min(image.height, Math.round(width / aspect));
  const clamp = (centre: number, size: number, total: number) => Math.min(Math.max(Math.round(centre - size / 2), 0), total - size);
  return {
    left: clamp((focalX / 100) * image.width, width, image.width),
    top: clamp((focalY / 100) * image.height, height, image.height),
    width,
    height,
  };
}

/**
 * Makes one rendition from the original: orientation applied, cropped around the focal point,
 * resized, re-encoded. Nothing of the original's metadata is copied (sharp writes none unless
 * asked): no GPS position, camera or XMP/IPTC. Only the credit the newsroom set is written back.
 */
export async function makeRendition(
  original: Buffer,
  image: { width: number; height: number; credit: string },
  rendition: Rendition,
): Promise<{ body: Buffer; contentType: string }> {
  let pipeline = input(original).autoOrient();
  if (rendition.crop !== "full") {
    pipeline = pipeline.extract(cropBox(image, CROPS[rendition.crop], rendition.focalX, rendition.focalY));
  }
  const size = cropSize(image, rendition.crop, rendition.width);
  pipeline = pipeline.resize(size.width, size.height, { fit: "fill" });
  if (image.credit) {
    pipeline = pipeline.withExif({ IFD0: { Artist: asciiOnly(image.credit), Copyright: asciiOnly(image.credit) } });
  }
  const encoded =
    rendition.format === "avif"
      ? pipeline.avif({ quality: 55, effort: 3 })
      : rendition.format === "webp"
        ? pipeline.webp({ quality: 78 })
        : pipeline.flatten({ background: "#ffffff" }).jpeg({ quality: 80, mozjpeg: true, progressive: true });
  return { body: await encoded.toBuffer(), contentType: contentTypeOf(rendition.format) };
}

/** EXIF ASCII fields: the credit as near as plain ASCII goes. */
function asciiOnly(text: string) {
  return text
    .normalize("NFKD")
    .replace(/[^\x20-\x7E]/g, "")
    .slice(0, 200);
}
