import type { Metadata } from "next";
import { SiteSettingsForm } from "@/components/admin/site-settings-form";
import { requireStaffPage } from "@/lib/auth/session";
import { getSiteSettingsForEditor } from "@/lib/site-settings/queries";
import { saveSiteSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Site settings" };

export default async function SiteSettingsPage() {
  const { actor } = await requireStaffPage("/admin/settings", "site:settings");
  const settings = await getSiteSettingsForEditor(actor);
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Site settings</h1>
      <SiteSettingsForm settings={settings} save={saveSiteSettingsAction} />
    </>
  );
}
