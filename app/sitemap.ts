import type { MetadataRoute } from "next";
import { sitemapEntries } from "@/lib/articles/reader";
import { siteUrl } from "@/lib/site";

export const revalidate = 1;

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const entries = await sitemapEntries();
  return [
    { url: `${siteUrl}/`, changeFrequency: "always" },
    ...entries.map((e) => ({ url: `${siteUrl}/articles/${e.slug}`, lastModified: e.lastModified })),
  ];
}
