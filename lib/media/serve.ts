import { db } from "@/lib/db";
import { makeRendition } from "./process";
import { mediaStore, originalKey, renditionKey } from "./storage";
import { HASH_PATTERN, contentTypeOf, parseRenditionFile, renditionPath } from "./urls";

const IMMUTABLE = "public, max-age=31536000, immutable";
const notFound = () =>
  new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=60" },
  });

// One rendition made at a time per file in this process, however many readers ask at once.
const making = new Map<string, Promise<Buffer | null>>();

/**
 * Answers a rendition request: from the store when made before, otherwise made from the original
 * now and stored. The file name is checked against the renditions Byline makes, so nobody can make
 * it store arbitrary sizes. A crop asked for at an old focal point redirects to the current one.
 */
export async function serveRendition(request: Request, hash: string, file: string): Promise<Response> {
  const rendition = parseRenditionFile(file);
  if (!HASH_PATTERN.test(hash) || !rendition) return notFound();
  const etag = `"${hash.slice(0, 16)}-${file}"`;
  if (request.headers.get("if-none-match") === etag)
    return new Response(null, { status: 304, headers: { ETag: etag, "Cache-Control": IMMUTABLE } });

  const key = renditionKey(hash, file);
  let body = making.has(key) ? await making.get(key)! : await (await mediaStore()).get(key);
  if (!body) {
    const image = await db.image.findUnique({
      where: { contentHash: hash },
      select: { width: true, height: true, credit: true, focalX: true, focalY: true },
    });
    if (!image) return notFound();
    if (rendition.crop !== "full" && (rendition.focalX !== image.focalX || rendition.focalY !== image.focalY)) {
      const current = renditionPath({ contentHash: hash }, { ...rendition, focalX: image.focalX, focalY: image.focalY });
      return new Response(null, { status: 308, headers: { Location: current, "Cache-Control": "public, max-age=300" } });
    }
    const pending = make(key, hash, image, rendition);
    making.set(key, pending);
    try {
      body = await pending;
    } finally {
      making.delete(key);
    }
    if (!body) return notFound();
  }
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": contentTypeOf(rendition.format),
      "Content-Length": String(body.length),
      "Cache-Control": IMMUTABLE,
      ETag: etag,
      "X-Content-Type-Options": "nosniff",
    },
  });
}

async function make(
  key: string,
  hash: string,
  image: Parameters<typeof makeRendition>[1],
  rendition: NonNullable<ReturnType<typeof parseRenditionFile>>,
) {
  const store = await mediaStore();
  const original = await store.get(originalKey(hash));
  if (!original) return null;
  const made = await makeRendition(original, image, rendition);
  await store.put(key, made.body, made.contentType);
  return made.body;
}
