// GET /sitemap.xml — the front page and every published article, with when each last changed.
import { sitemapEntries } from "@/lib/articles/reader";
import { READER_DATES_TAG, READER_TAG } from "@/lib/reader-tags";
import { xmlEscape, xmlResponse } from "@/lib/feeds/xml";
import { siteUrl } from "@/lib/site";

// Rendered per request from the readers' data cache (lib/cache.ts), never at build time: the
// build needs no database, and a client that has this version gets a 304.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const entries = await sitemapEntries();
  const urls = entries
    .map((e) => `<url><loc>${xmlEscape(`${siteUrl}/articles/${e.slug}`)}</loc><lastmod>${e.lastModified}</lastmod></url>`)
    .join("\n");
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>${xmlEscape(siteUrl)}/</loc><changefreq>always</changefreq></url>
${urls}
</urlset>
`;
  // Its dates move with every edit to a live story's text (READER_DATES_TAG).
  return xmlResponse(request, body, { dataTags: [READER_TAG, READER_DATES_TAG] });
}
