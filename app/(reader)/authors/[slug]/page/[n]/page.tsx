import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuthorPage } from "@/components/reader/author-page";
import { getAuthorWithArticles } from "@/lib/articles/reader";
import { parsePageNumber } from "@/lib/pagination";
import { decodePathSegment } from "@/lib/text";

export const revalidate = 1;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string; n: string }> };

/** Page 2 on of an author's articles (page 1 is /authors/:slug itself). */
async function authorPageOf(params: Props["params"]) {
  const { slug: segment, n } = await params;
  const slug = decodePathSegment(segment);
  const page = parsePageNumber(n);
  if (slug === null || page === null || page === 1) return null;
  return getAuthorWithArticles(slug, page);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const author = await authorPageOf(params);
  if (!author) return {};
  const url = `/authors/${author.slug}/page/${author.page}`;
  return { title: `${author.name}, page ${author.page}`, alternates: { canonical: url } };
}

export default async function AuthorLaterPage({ params }: Props) {
  const author = await authorPageOf(params);
  if (!author) notFound();
  return <AuthorPage author={author} />;
}
