import type { GetStaticPaths, GetStaticProps } from "next";
import { ArticleView } from "@/components/reader/article-view";
import type { PageMeta } from "@/components/reader/reader-head";
import { ReaderPage } from "@/components/reader/reader-page";
import { newsArticleJsonLd, scriptSafeJson } from "@/lib/articles/json-ld";
import { getPublishedArticle, type ReaderArticle } from "@/lib/articles/reader";
import { READER_PAGE_REVALIDATE_SECONDS } from "@/lib/cache-settings.js";
import type { Site } from "@/lib/site";
import { siteForReaders } from "@/lib/site-settings/reader";
import { socialImageOf } from "@/lib/media/urls";

// Reader pages are server-rendered HTML with no framework JavaScript (docs/reader-pages.md).
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

type Props = { article: ReaderArticle; meta: PageMeta; site: Site };

// Rendered on first request, then served from the cache and re-rendered at most every second.
export const getStaticPaths: GetStaticPaths = async () => ({ paths: [], fallback: "blocking" });

export const getStaticProps: GetStaticProps<Props, { slug: string }> = async ({ params }) => {
  const found = await getPublishedArticle.uncached(params!.slug);
  if (!found) return { notFound: true, revalidate: READER_PAGE_REVALIDATE_SECONDS };
  // An old address of the article: a permanent redirect, as search engines expect.
  if ("redirectTo" in found)
    return {
      redirect: { destination: `/articles/${encodeURIComponent(found.redirectTo)}`, statusCode: 301 },
      revalidate: READER_PAGE_REVALIDATE_SECONDS,
    };
  const { article } = found;
  const site = await siteForReaders.uncached();
  const description = article.standfirst || article.summary.slice(0, 160);
  const meta: PageMeta = {
    title: article.headline,
    description,
    canonical: `/articles/${article.slug}`,
    openGraph: {
      type: "article",
      title: article.headline,
      ...(article.standfirst ? { description: article.standfirst } : {}),
      publishedTime: article.publishedAt,
      modifiedTime: article.modifiedAt ?? article.publishedAt,
      authors: article.authors.map((a) => `/authors/${a.slug}`),
      ...(article.tags.length ? { tags: article.tags } : {}),
      ...(article.image ? { image: socialImageOf(article.image) } : {}),
    },
    twitter: {
      card: article.image ? "summary_large_image" : "summary",
      title: article.headline,
      ...(article.standfirst ? { description: article.standfirst } : {}),
    },
    jsonLd: scriptSafeJson(newsArticleJsonLd(article, site)),
  };
  return { props: { article, meta, site }, revalidate: READER_PAGE_REVALIDATE_SECONDS };
};

export default function ArticlePage({ article, meta }: Props) {
  return (
    <ReaderPage meta={meta}>
      <ArticleView article={article} />
    </ReaderPage>
  );
}
