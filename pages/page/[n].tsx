import type { GetStaticPaths, GetStaticProps } from "next";
import { FrontPage } from "@/components/reader/front-page";
import type { PageMeta } from "@/components/reader/reader-head";
import { ReaderPage } from "@/components/reader/reader-page";
import { listPublishedArticles, type ArticleSummary } from "@/lib/articles/reader";
import { READER_PAGE_REVALIDATE_SECONDS } from "@/lib/cache-settings.js";
import type { Site } from "@/lib/site";
import { siteForReaders } from "@/lib/site-settings/reader";
import { parsePageNumber } from "@/lib/pagination";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

type Props = { page: number; pages: number; articles: ArticleSummary[]; meta: PageMeta; site: Site };

// The front page is page 1, reached at "/" (next.config.js rewrites it here and sends /page/1 to
// "/"). Rendered on first request and cached, never at build time: the build needs no database.
export const getStaticPaths: GetStaticPaths = async () => ({ paths: [], fallback: "blocking" });

export const getStaticProps: GetStaticProps<Props, { n: string }> = async ({ params }) => {
  const page = parsePageNumber(params!.n);
  if (!page) return { notFound: true, revalidate: READER_PAGE_REVALIDATE_SECONDS };
  const { articles, pages } = await listPublishedArticles.uncached(page);
  if (page > 1 && page > pages) return { notFound: true, revalidate: READER_PAGE_REVALIDATE_SECONDS };
  const meta: PageMeta = page === 1 ? { canonical: "/" } : { title: `Latest news, page ${page}`, canonical: `/page/${page}` };
  return { props: { page, pages, articles, meta, site: await siteForReaders.uncached() }, revalidate: READER_PAGE_REVALIDATE_SECONDS };
};

export default function FrontPageRoute({ page, pages, articles, meta }: Props) {
  return (
    <ReaderPage meta={meta}>
      <FrontPage page={page} pages={pages} articles={articles} />
    </ReaderPage>
  );
}
