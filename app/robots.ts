import type { MetadataRoute } from "next";
import { siteUrl } from "@/lib/site";

// Per request, so the addresses follow SITE_URL where the server runs (the build needs no settings).
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/admin", "/api/", "/login", "/setup", "/invite", "/search"] }],
    sitemap: [`${siteUrl}/sitemap.xml`, `${siteUrl}/news-sitemap.xml`],
  };
}
