import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuthorPage } from "@/components/reader/author-page";
import { getAuthorWithArticles } from "@/lib/articles/reader";
import { decodePathSegment } from "@/lib/text";

export const revalidate = 1;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string }> };

const authorOf = async (segment: string) => {
  const slug = decodePathSegment(segment);
  return slug === null ? null : getAuthorWithArticles(slug, 1);
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const author = await authorOf((await params).slug);
  if (!author) return {};
  return {
    title: author.name,
    description: author.bio || `Articles by ${author.name}.`,
    alternates: { canonical: `/authors/${author.slug}` },
    openGraph: { type: "profile", title: author.name, url: `/authors/${author.slug}` },
  };
}

export default async function AuthorFirstPage({ params }: Props) {
  const author = await authorOf((await params).slug);
  if (!author) notFound();
  return <AuthorPage author={author} />;
}
