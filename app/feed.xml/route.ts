// GET /feed.xml — RSS 2.0 of the 50 latest published articles. Its lastBuildDate is the newest
// item's publication: the items show no text, so an edit to a story's text changes nothing here.
import { latestForFeeds } from "@/lib/articles/reader";
import { READER_TAG } from "@/lib/reader-tags";
import { xmlEscape, xmlResponse } from "@/lib/feeds/xml";
import { siteUrl } from "@/lib/site";
import { siteForReaders } from "@/lib/site-settings/reader";
import { cropSize, renditionUrl, type PublicImage } from "@/lib/media/urls";

// Rendered per request from the readers' data cache (lib/cache.ts), never at build time: the
// build needs no database, and a client that has this version gets a 304.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const [articles, site] = await Promise.all([latestForFeeds(50), siteForReaders()]);
  const siteName = site.name;
  const items = articles
    .map((a) => {
      const url = `${siteUrl}/articles/${a.slug}`;
      return `<item>
<title>${xmlEscape(a.headline)}</title>
<link>${xmlEscape(url)}</link>
<guid isPermaLink="true">${xmlEscape(url)}</guid>
<pubDate>${new Date(a.publishedAt).toUTCString()}</pubDate>
${a.standfirst ? `<description>${xmlEscape(a.standfirst)}</description>\n` : ""}${a.image ? `${mediaContent(a.image)}\n` : ""}${a.authors.map((au) => `<dc:creator>${xmlEscape(au.name)}</dc:creator>`).join("\n")}
</item>`;
    })
    .join("\n");
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel>
<title>${xmlEscape(siteName)}</title>
<link>${xmlEscape(siteUrl)}/</link>
<description>${xmlEscape(`Latest news from ${siteName}`)}</description>
<language>en</language>
<atom:link href="${xmlEscape(siteUrl)}/feed.xml" rel="self" type="application/rss+xml"/>
${site.logo ? `<image><url>${xmlEscape(siteUrl + renditionUrl(site.logo, "full", 320, "jpg"))}</url><title>${xmlEscape(siteName)}</title><link>${xmlEscape(siteUrl)}/</link></image>\n` : ""}
${articles[0] ? `<lastBuildDate>${new Date(articles[0].publishedAt).toUTCString()}</lastBuildDate>\n` : ""}${items}
</channel>
</rss>
`;
  // Built from what lists show (and the site's name): only a change to those makes it stale.
  return xmlResponse(request, body, { contentType: "application/rss+xml; charset=utf-8", dataTags: [READER_TAG] });
}

/** The lead picture as Media RSS: what feed readers and aggregators show beside the item. */
function mediaContent(image: PublicImage): string {
  const { width, height } = cropSize(image, "full", 1200);
  const alt = image.decorative ? "" : image.alt;
  return `<media:content url="${xmlEscape(siteUrl + renditionUrl(image, "full", 1200))}" medium="image" type="image/jpeg" width="${width}" height="${height}">${
    alt ? `<media:description>${xmlEscape(alt)}</media:description>` : ""
  }${image.credit ? `<media:credit>${xmlEscape(image.credit)}</media:credit>` : ""}</media:content>`;
}
