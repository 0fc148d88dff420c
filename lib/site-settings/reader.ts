// Server code that the reader pages (pages/, Pages Router) also load: Next refuses `server-only` there.
import { readerCached } from "@/lib/articles/reader";
import { readerDb } from "@/lib/db";
import { publicImageSelect } from "@/lib/media/urls";
import { environmentSite, siteName, siteUrl, type Site } from "@/lib/site";
import { SITE_SETTINGS_ID } from "./schema";

/** The admins' settings over the environment's defaults. */
export const siteForReaders = readerCached("site", async (): Promise<Site> => {
  const settings = await readerDb.siteSettings.findUnique({
    where: { id: SITE_SETTINGS_ID },
    select: {
      publicationName: true,
      logoImage: { select: publicImageSelect },
      socialImage: { select: publicImageSelect },
      iconImage: { select: publicImageSelect },
    },
  });
  if (!settings) return environmentSite;
  return {
    name: settings.publicationName || siteName,
    url: siteUrl,
    logo: settings.logoImage,
    socialImage: settings.socialImage,
    icon: settings.iconImage,
  };
});
