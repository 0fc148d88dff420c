import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FrontPage } from "@/components/reader/front-page";

export const revalidate = 1;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ n: string }> };

function pageNumber(n: string): number | null {
  return /^[1-9]\d{0,5}$/.test(n) ? Number(n) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { n } = await params;
  return { title: `Latest news, page ${n}`, alternates: { canonical: `/page/${n}` } };
}

export default async function FrontPageN({ params }: Props) {
  const page = pageNumber((await params).n);
  if (!page || page === 1) notFound();
  return <FrontPage page={page} />;
}
