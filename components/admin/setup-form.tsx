"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { buttonClass, Field, inputClass } from "@/components/ui/field";

export function SetupForm({
  action: setUp,
  token,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  token: string;
}) {
  const [state, action, pending] = useActionState(setUp, {});
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate>
      <Field label="Setup token" name="token" errors={e.token} hint="Printed in the server's log at start.">
        {(p) => (
          <input
            {...p}
            name="token"
            defaultValue={v.token ?? token}
            required
            autoComplete="off"
            spellCheck={false}
            className={inputClass}
          />
        )}
      </Field>
      <Field label="Name" name="name" errors={e.name}>
        {(p) => <input {...p} name="name" defaultValue={v.name} className={inputClass} />}
      </Field>
      <Field label="Email" name="email" errors={e.email}>
        {(p) => <input {...p} name="email" type="email" defaultValue={v.email} required className={inputClass} />}
      </Field>
      <Field label="Password" name="password" errors={e.password} hint="At least 12 characters.">
        {(p) => <input {...p} name="password" type="password" autoComplete="new-password" required className={inputClass} />}
      </Field>
      <p aria-live="polite" className="mb-4 text-sm font-semibold text-accent">
        {state.message}
      </p>
      <button type="submit" className={buttonClass} disabled={pending}>
        Create administrator
      </button>
    </form>
  );
}
