import "server-only";
import { authorized } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { pickedImageSelect } from "@/lib/media/urls";
import { siteName } from "@/lib/site";
import { SITE_SETTINGS_ID } from "./schema";

const picked = { select: pickedImageSelect } as const;

/** The settings as the admin's form shows them, with the environment's name as the placeholder. */
export const getSiteSettingsForEditor = authorized("site:settings", async () => {
  const settings = await db.siteSettings.findUnique({
    where: { id: SITE_SETTINGS_ID },
    select: { publicationName: true, logoImage: picked, socialImage: picked, iconImage: picked },
  });
  return { defaultName: siteName, publicationName: "", logoImage: null, socialImage: null, iconImage: null, ...settings };
});
