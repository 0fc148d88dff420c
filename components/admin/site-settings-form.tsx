"use client";

import { useActionState } from "react";
import { buttonClass, Field, inputClass } from "@/components/ui/field";
import type { FormState } from "@/lib/actions/form-state";
import type { PickedImage } from "@/lib/articles/form";
import { ImagePicker } from "./image-picker";

type Settings = {
  defaultName: string;
  publicationName: string;
  logoImage: PickedImage | null;
  socialImage: PickedImage | null;
  iconImage: PickedImage | null;
};

/** The publication's identity: its name, and the pictures search engines, link previews and browsers show. */
export function SiteSettingsForm({
  settings,
  save,
}: {
  settings: Settings;
  save: (previous: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, action, pending] = useActionState(save, {});
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="max-w-2xl">
      <Field
        label="Publication name"
        name="publicationName"
        errors={e.publicationName}
        hint={`Left empty: “${settings.defaultName}”, from the server's SITE_NAME.`}
      >
        {(p) => (
          <input
            {...p}
            name="publicationName"
            defaultValue={state.values?.publicationName ?? settings.publicationName}
            placeholder={settings.defaultName}
            className={inputClass}
          />
        )}
      </Field>
      <ImagePicker
        name="logoImageId"
        label="Logo"
        emptyText="No logo. Google News shows the publisher's logo beside its stories: a wide logo on a plain background works best."
        initial={settings.logoImage}
        errors={e.logoImageId}
      />
      <ImagePicker
        name="socialImageId"
        label="Default link-preview picture"
        emptyText="None. Pages and stories without a picture of their own are shared with no picture."
        initial={settings.socialImage}
        errors={e.socialImageId}
      />
      <ImagePicker
        name="iconImageId"
        label="Site icon"
        emptyText="The standard icon. A square picture works best."
        initial={settings.iconImage}
        errors={e.iconImageId}
      />
      {state.message && (
        <p role="status" className="mb-3 font-semibold text-accent">
          {state.message}
        </p>
      )}
      <button type="submit" className={buttonClass} disabled={pending}>
        Save settings
      </button>
    </form>
  );
}
