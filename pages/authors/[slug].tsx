import type { GetStaticPaths, GetStaticProps } from "next";
import { AuthorPage } from "@/components/reader/author-page";
import type { PageMeta } from "@/components/reader/reader-head";
import { ReaderPage } from "@/components/reader/reader-page";
import { getAuthorWithArticles, type ReaderAuthor } from "@/lib/articles/reader";
import { READER_PAGE_REVALIDATE_SECONDS } from "@/lib/cache-settings.js";
import type { Site } from "@/lib/site";
import { siteForReaders } from "@/lib/site-settings/reader";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

type Props = { author: ReaderAuthor; meta: PageMeta; site: Site };

export const getStaticPaths: GetStaticPaths = async () => ({ paths: [], fallback: "blocking" });

export const getStaticProps: GetStaticProps<Props, { slug: string }> = async ({ params }) => {
  const author = await getAuthorWithArticles.uncached(params!.slug, 1);
  if (!author) return { notFound: true, revalidate: READER_PAGE_REVALIDATE_SECONDS };
  const meta: PageMeta = {
    title: author.name,
    description: author.bio || `Articles by ${author.name}.`,
    canonical: `/authors/${author.slug}`,
    openGraph: { type: "profile", title: author.name },
  };
  return { props: { author, meta, site: await siteForReaders.uncached() }, revalidate: READER_PAGE_REVALIDATE_SECONDS };
};

export default function AuthorFirstPage({ author, meta }: Props) {
  return (
    <ReaderPage meta={meta}>
      <AuthorPage author={author} />
    </ReaderPage>
  );
}
