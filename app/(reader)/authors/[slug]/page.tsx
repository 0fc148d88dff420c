import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleList } from "@/components/reader/article-list";
import { getAuthorWithArticles } from "@/lib/articles/reader";
import { decodePathSegment } from "@/lib/text";

const authorOf = async (segment: string) => {
  const slug = decodePathSegment(segment);
  return slug === null ? null : getAuthorWithArticles(slug);
};

export const revalidate = 1;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string }> };

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

export default async function AuthorPage({ params }: Props) {
  const author = await authorOf((await params).slug);
  if (!author) notFound();
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">{author.name}</h1>
      {author.bio && <p className="mt-2 text-muted">{author.bio}</p>}
      <h2 className="mt-6 text-sm font-semibold uppercase tracking-wide text-muted">Articles</h2>
      <ArticleList articles={author.articles} headingLevel={3} />
    </>
  );
}
