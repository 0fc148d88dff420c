import type { ReaderArticle } from "./reader";
import { renditionUrl, structuredDataImages } from "@/lib/media/urls";
import type { Site } from "@/lib/site";

/** schema.org NewsArticle for an article page. */
export function newsArticleJsonLd(article: ReaderArticle, site: Site) {
  const siteUrl = site.url;
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.headline,
    description: article.standfirst || undefined,
    datePublished: article.publishedAt,
    dateModified: article.modifiedAt ?? article.publishedAt,
    mainEntityOfPage: `${siteUrl}/articles/${article.slug}`,
    author: article.authors.map((a) => ({ "@type": "Person", name: a.name, url: `${siteUrl}/authors/${a.slug}` })),
    publisher: {
      "@type": "Organization",
      name: site.name,
      url: siteUrl,
      // The admins' logo, or the name drawn as one (app/logo.png): Google asks every NewsArticle for one.
      logo: { "@type": "ImageObject", url: site.logo ? `${siteUrl}${renditionUrl(site.logo, "full", 640, "jpg")}` : `${siteUrl}/logo.png` },
    },
    // A story without a picture of its own is shown with the publication's default one.
    ...(article.image || site.socialImage ? { image: structuredDataImages((article.image ?? site.socialImage)!, siteUrl) } : {}),
    ...(article.dateline ? { dateline: article.dateline } : {}),
    ...(article.tags.length ? { keywords: article.tags } : {}),
  };
}

/** JSON for a <script> element: "<" escaped so no text can close the element. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
