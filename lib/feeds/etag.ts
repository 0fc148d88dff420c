import { createHash } from "node:crypto";

/** A JSON response with a strong ETag; answers 304 when the client already has this body. */
export function jsonWithEtag(request: Request, data: unknown, init: { status?: number } = {}): Response {
  const body = JSON.stringify(data);
  const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  const headers = {
    ETag: etag,
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "public, s-maxage=1, stale-while-revalidate=59",
  };
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim() === etag || tag.trim() === `W/${etag}`)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status: init.status ?? 200, headers });
}
