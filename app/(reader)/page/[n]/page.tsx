import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FrontPage } from "@/components/reader/front-page";
import { listPublishedArticles } from "@/lib/articles/reader";
import { parsePageNumber } from "@/lib/pagination";

export const revalidate = 1;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ n: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { n } = await params;
  return { title: `Latest news, page ${n}`, alternates: { canonical: `/page/${n}` } };
}

export default async function FrontPageN({ params }: Props) {
  const page = parsePageNumber((await params).n);
  if (!page || page === 1) notFound();
  const { articles, pages } = await listPublishedArticles(page);
  if (page > pages) notFound();
  return <FrontPage page={page} pages={pages} articles={articles} />;
}
