import { readerResponse } from "@/lib/cache";

/** Escapes text for XML element content and attribute values. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/**
 * A feed or sitemap for readers: their Cache-Control, an ETag, and a 304 when the client has it
 * already. `dataTags` names the reader data it shows (lib/cache.ts `readerResponse`).
 */
export function xmlResponse(
  request: Request,
  body: string,
  { contentType = "application/xml; charset=utf-8", dataTags }: { contentType?: string; dataTags?: readonly string[] } = {},
): Response {
  return readerResponse(body, contentType, { request, dataTags });
}
