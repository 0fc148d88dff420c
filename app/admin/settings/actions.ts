"use server";

import { formAction } from "@/lib/actions/workspace-action";
import { saveSiteSettings } from "@/lib/site-settings/mutations";
import { siteSettingsFormSchema } from "@/lib/site-settings/schema";

export const saveSiteSettingsAction = formAction(siteSettingsFormSchema, saveSiteSettings, { invalid: "Some fields need attention." });
