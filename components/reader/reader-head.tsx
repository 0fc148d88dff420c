import Head from "next/head";
import { renditionUrl, socialImageOf } from "@/lib/media/urls";
import type { Site } from "@/lib/site";

/** What a reader page tells browsers, search engines and link previews about itself. */
export type PageMeta = {
  /** The page's own title; the site's name is added after it (the front page has none of its own). */
  title?: string;
  description?: string;
  /** The page's one address (a path), for `rel=canonical` and `og:url`. */
  canonical?: string;
  /** `noindex` for pages search engines should not list (search results). */
  noindex?: boolean;
  openGraph?: {
    type: "article" | "profile" | "website";
    title: string;
    description?: string;
    publishedTime?: string;
    modifiedTime?: string;
    authors?: string[];
    tags?: string[];
    /** The link-preview picture: a path, 1200 × 630. */
    image?: { path: string; width: number; height: number; alt: string };
  };
  twitter?: { card: "summary" | "summary_large_image"; title: string; description?: string };
  /** NewsArticle JSON-LD, already made safe to put inside a script element. */
  jsonLd?: string;
};

const DEFAULT_DESCRIPTION = "News and analysis.";

/** The head of every reader page: what app/layout.tsx's metadata gave them, written out. */
export function ReaderHead({ meta, site }: { meta: PageMeta; site: Site }) {
  const { name: siteName, url: siteUrl, icon, socialImage } = site;
  const absolute = (path: string) => `${siteUrl}${path}`;
  const og = meta.openGraph;
  // A page without a picture of its own is shared with the publication's default one.
  const image = og?.image ?? (socialImage ? socialImageOf(socialImage) : undefined);
  return (
    <Head>
      <title>{meta.title ? `${meta.title} — ${siteName}` : siteName}</title>
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="description" content={meta.description || DEFAULT_DESCRIPTION} />
      {meta.noindex && <meta name="robots" content="noindex" />}
      {meta.canonical && <link rel="canonical" href={absolute(meta.canonical)} />}
      {icon ? (
        <>
          <link rel="icon" href={renditionUrl(icon, "1x1", 320, "webp")} type="image/webp" />
          <link rel="apple-touch-icon" href={renditionUrl(icon, "1x1", 320, "jpg")} />
        </>
      ) : (
        <link rel="icon" href="/favicon.ico" sizes="32x32" />
      )}
      <link rel="alternate" type="application/rss+xml" title={siteName} href={absolute("/feed.xml")} />
      {og && <meta property="og:type" content={og.type} />}
      {og && <meta property="og:title" content={og.title} />}
      {og?.description && <meta property="og:description" content={og.description} />}
      {og && meta.canonical && <meta property="og:url" content={absolute(meta.canonical)} />}
      <meta property="og:site_name" content={siteName} />
      {og?.publishedTime && <meta property="article:published_time" content={og.publishedTime} />}
      {og?.modifiedTime && <meta property="article:modified_time" content={og.modifiedTime} />}
      {image && <meta property="og:image" content={absolute(image.path)} />}
      {image && <meta property="og:image:width" content={String(image.width)} />}
      {image && <meta property="og:image:height" content={String(image.height)} />}
      {image?.alt && <meta property="og:image:alt" content={image.alt} />}
      {og?.authors?.map((author) => (
        <meta key={author} property="article:author" content={absolute(author)} />
      ))}
      {og?.tags?.map((tag) => (
        <meta key={tag} property="article:tag" content={tag} />
      ))}
      {meta.twitter && <meta name="twitter:card" content={meta.twitter.card} />}
      {meta.twitter && <meta name="twitter:title" content={meta.twitter.title} />}
      {meta.twitter?.description && <meta name="twitter:description" content={meta.twitter.description} />}
      {meta.twitter && image && <meta name="twitter:image" content={absolute(image.path)} />}
      {meta.twitter && image?.alt && <meta name="twitter:image:alt" content={image.alt} />}
      {meta.jsonLd && <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: meta.jsonLd }} />}
    </Head>
  );
}
