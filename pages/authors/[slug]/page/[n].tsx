import type { GetStaticPaths, GetStaticProps } from "next";
import { AuthorPage } from "@/components/reader/author-page";
import type { PageMeta } from "@/components/reader/reader-head";
import { ReaderPage } from "@/components/reader/reader-page";
import { getAuthorWithArticles, type ReaderAuthor } from "@/lib/articles/reader";
import { READER_PAGE_REVALIDATE_SECONDS } from "@/lib/cache-settings.js";
import type { Site } from "@/lib/site";
import { siteForReaders } from "@/lib/site-settings/reader";
import { parsePageNumber } from "@/lib/pagination";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

type Props = { author: ReaderAuthor; meta: PageMeta; site: Site };

export const getStaticPaths: GetStaticPaths = async () => ({ paths: [], fallback: "blocking" });

/** Page 2 on of an author's articles (page 1 is /authors/:slug itself). */
export const getStaticProps: GetStaticProps<Props, { slug: string; n: string }> = async ({ params }) => {
  const page = parsePageNumber(params!.n);
  const author = page && page > 1 ? await getAuthorWithArticles.uncached(params!.slug, page) : null;
  if (!author) return { notFound: true, revalidate: READER_PAGE_REVALIDATE_SECONDS };
  const meta: PageMeta = { title: `${author.name}, page ${author.page}`, canonical: `/authors/${author.slug}/page/${author.page}` };
  return { props: { author, meta, site: await siteForReaders.uncached() }, revalidate: READER_PAGE_REVALIDATE_SECONDS };
};

export default function AuthorLaterPage({ author, meta }: Props) {
  return (
    <ReaderPage meta={meta}>
      <AuthorPage author={author} />
    </ReaderPage>
  );
}
