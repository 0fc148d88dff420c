// GET /news-sitemap.xml — Google News sitemap: articles published in the last two days, at most 1,000.
import { latestForFeeds } from "@/lib/articles/reader";
import { READER_TAG } from "@/lib/reader-tags";
import { xmlEscape, xmlResponse } from "@/lib/feeds/xml";
import { siteUrl } from "@/lib/site";
import { siteForReaders } from "@/lib/site-settings/reader";
import { renditionUrl } from "@/lib/media/urls";

// Rendered per request from the readers' data cache (lib/cache.ts), never at build time: the
// build needs no database, and a client that has this version gets a 304.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const since = new Date(Date.now() - 2 * 24 * 3600 * 1000).toISOString();
  const [articles, { name: siteName }] = await Promise.all([latestForFeeds(1000, since), siteForReaders()]);
  const urls = articles
    .map(
      (a) => `<url>
<loc>${xmlEscape(`${siteUrl}/articles/${a.slug}`)}</loc>
<news:news>
<news:publication><news:name>${xmlEscape(siteName)}</news:name><news:language>en</news:language></news:publication>
<news:publication_date>${a.publishedAt}</news:publication_date>
<news:title>${xmlEscape(a.headline)}</news:title>
</news:news>${a.image ? `\n<image:image><image:loc>${xmlEscape(siteUrl + renditionUrl(a.image, "full", 1200))}</image:loc></image:image>` : ""}
</url>`,
    )
    .join("\n");
  return xmlResponse(
    request,
    `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
${urls}
</urlset>
`,
    { dataTags: [READER_TAG] },
  );
}
