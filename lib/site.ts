import type { PublicImage } from "@/lib/media/urls";

/** The public site's identity from the environment: what applies until an admin sets otherwise. */
export const siteName = process.env.SITE_NAME || "Byline";
export const siteUrl = (process.env.SITE_URL || process.env.NEXTAUTH_URL || "http://localhost:3000").replace(/\/+$/, "");

/** The publication as readers, feeds and search engines are told of it (lib/site-settings). */
export type Site = { name: string; url: string; logo: PublicImage | null; socialImage: PublicImage | null; icon: PublicImage | null };

export const environmentSite: Site = { name: siteName, url: siteUrl, logo: null, socialImage: null, icon: null };
