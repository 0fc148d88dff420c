import "server-only";
import type { Outcome } from "@/lib/actions/form-state";
import { authorized } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { invalidateReaderPages } from "@/lib/cache";
import { db } from "@/lib/db";
import { SITE_SETTINGS_ID, type SiteSettingsForm } from "./schema";

/** Saves the publication's identity; every reader page shows it on its next render. */
export const saveSiteSettings = authorized("site:settings", async (user, form: SiteSettingsForm): Promise<Outcome> => {
  try {
    await db.$transaction(async (tx) => {
      const before = await tx.siteSettings.findUnique({
        where: { id: SITE_SETTINGS_ID },
        select: { publicationName: true, logoImageId: true, socialImageId: true, iconImageId: true },
      });
      await tx.siteSettings.upsert({ where: { id: SITE_SETTINGS_ID }, create: { id: SITE_SETTINGS_ID, ...form }, update: form });
      await recordAudit(tx, user, {
        entityType: "site-settings",
        entityId: String(SITE_SETTINGS_ID),
        action: "update",
        before,
        after: form,
      });
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2003") {
      return { ok: false, message: "One of the chosen pictures is no longer in the library. Choose again." };
    }
    throw error;
  }
  // The front page now; other pages within a second, as their cache expires.
  await invalidateReaderPages({ paths: ["/page/1"] });
  return { ok: true, message: "Saved. Reader pages show the change within a second." };
});
