import { z } from "zod";

const imageId = z
  .string()
  .max(100)
  .default("")
  .transform((s) => s.trim() || null);

export const siteSettingsFormSchema = z.object({
  publicationName: z
    .string()
    .max(100, "The name can be at most 100 characters.")
    .transform((s) => s.replace(/[\u0000-\u001F\u007F]/g, " ").trim()),
  logoImageId: imageId,
  socialImageId: imageId,
  iconImageId: imageId,
});
export type SiteSettingsForm = z.output<typeof siteSettingsFormSchema>;

/** The one row's id. */
export const SITE_SETTINGS_ID = 1;
