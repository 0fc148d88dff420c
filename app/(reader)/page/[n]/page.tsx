import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FrontPage } from "@/components/reader/front-page";
import { listPublishedArticles } from "@/lib/articles/reader";
import { parsePageNumber } from "@/lib/pagination";

export const revalidate = 1;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ n: string }> };

// The front page is page 1, reached at "/" (next.config.js rewrites it here, and sends /page/1 to
// "/"): a dynamic route is rendered on its first request and cached, never prerendered at build
// time, so building Byline needs no database.

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { n } = await params;
  if (n === "1") return { alternates: { canonical: "/" } };
  return { title: `Latest news, page ${n}`, alternates: { canonical: `/page/${n}` } };
}

export default async function FrontPageN({ params }: Props) {
  const page = parsePageNumber((await params).n);
  if (!page) notFound();
  const { articles, pages } = await listPublishedArticles(page);
  if (page > pages) notFound();
  return <FrontPage page={page} pages={pages} articles={articles} />;
}
