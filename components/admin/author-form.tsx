"use client";

import { useActionState, useRef } from "react";
import { buttonClass, Field, inputClass } from "@/components/ui/field";
import type { FormState } from "@/lib/actions/form-state";
import { useEarlyInput } from "./early-input";

export function AuthorForm({
  author,
  save,
}: {
  author?: { id: string; name: string; slug: string; bio: string };
  save: (previous: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, action, pending] = useActionState(save, {});
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const form = useRef<HTMLFormElement>(null);
  useEarlyInput(form);
  return (
    <form ref={form} action={action} noValidate data-keep-early-input className="max-w-xl">
      <input type="hidden" name="id" value={author?.id ?? ""} />
      <Field label="Name" name="name" errors={e.name}>
        {(p) => <input {...p} name="name" defaultValue={v.name ?? author?.name} className={inputClass} />}
      </Field>
      <Field label="Slug" name="slug" errors={e.slug} hint="Leave empty to make one from the name.">
        {(p) => <input {...p} name="slug" defaultValue={v.slug ?? author?.slug} className={inputClass} />}
      </Field>
      <Field label="Bio" name="bio" errors={e.bio}>
        {(p) => <textarea {...p} name="bio" rows={4} defaultValue={v.bio ?? author?.bio} className={inputClass} />}
      </Field>
      {state.message && (
        <p role="status" className="mb-3 font-semibold text-accent">
          {state.message}
        </p>
      )}
      <button type="submit" className={buttonClass} disabled={pending}>
        {author ? "Save author" : "Create author"}
      </button>
    </form>
  );
}
