/** The public site's identity, from the environment. */
export const siteName = process.env.SITE_NAME || "Byline";
export const siteUrl = (process.env.SITE_URL || process.env.NEXTAUTH_URL || "http://localhost:3000").replace(/\/+$/, "");
