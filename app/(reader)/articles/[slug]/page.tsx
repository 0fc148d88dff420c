import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ArticleView } from "@/components/reader/article-view";
import { newsArticleJsonLd, scriptSafeJson } from "@/lib/articles/json-ld";
import { getPublishedArticle } from "@/lib/articles/reader";
import { siteName, siteUrl } from "@/lib/site";
import { decodePathSegment } from "@/lib/text";

export const revalidate = 1;
// Rendered on first request, then served from the cache until an editor's change expires it.
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = decodePathSegment((await params).slug);
  const found = slug === null ? null : await getPublishedArticle(slug);
  if (!found || !("article" in found)) return {};
  const { article } = found;
  const url = `/articles/${article.slug}`;
  return {
    title: article.headline,
    description: article.standfirst || article.summary.slice(0, 160),
    alternates: { canonical: url },
    openGraph: {
      type: "article",
      url,
      title: article.headline,
      description: article.standfirst || undefined,
      publishedTime: article.publishedAt,
      modifiedTime: article.modifiedAt ?? article.publishedAt,
      authors: article.authors.map((a) => `/authors/${a.slug}`),
    },
    twitter: { card: "summary", title: article.headline, description: article.standfirst || undefined },
  };
}

export default async function ArticlePage({ params }: Props) {
  const slug = decodePathSegment((await params).slug);
  const found = slug === null ? null : await getPublishedArticle(slug);
  if (!found) notFound();
  if ("redirectTo" in found) permanentRedirect(`/articles/${found.redirectTo}`);
  return (
    <>
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: scriptSafeJson(newsArticleJsonLd(found.article, siteUrl, siteName)) }}
      />
      <ArticleView article={found.article} />
    </>
  );
}
