import { createHash } from "node:crypto";
import { readerCacheControl } from "@/lib/security-headers.js";

/** A strong ETag for a response body. */
export function etagOf(body: string): string {
  return `"${createHash("sha1").update(body).digest("base64url")}"`;
}

/** A JSON response with a strong ETag; answers 304 when the client already has this body. */
export function jsonWithEtag(request: Request, data: unknown, init: { status?: number } = {}): Response {
  const body = JSON.stringify(data);
  const etag = etagOf(body);
  const headers = { ETag: etag, "Content-Type": "application/json; charset=utf-8", "Cache-Control": readerCacheControl };
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim() === etag || tag.trim() === `W/${etag}`)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status: init.status ?? 200, headers });
}
