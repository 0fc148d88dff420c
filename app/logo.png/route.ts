import { createHash } from "node:crypto";
import { wordmarkPng } from "@/lib/media/wordmark";
import { siteForReaders } from "@/lib/site-settings/reader";

// Drawn per request from the publication's name (cheap, and cached by browsers and nginx for an
// hour); never at build time, which has no database.
export const dynamic = "force-dynamic";

/** GET /logo.png — the publisher logo in structured data until an admin chooses one. */
export async function GET(request: Request) {
  const { name } = await siteForReaders();
  const etag = `"${createHash("sha1").update(name).digest("base64url")}"`;
  const headers = { "Content-Type": "image/png", "Cache-Control": "public, max-age=3600", ETag: etag };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(await wordmarkPng(name)), { headers });
}
