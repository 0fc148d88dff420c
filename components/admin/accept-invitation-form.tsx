"use client";

import { useActionState } from "react";
import { buttonClass, Field, inputClass } from "@/components/ui/field";
import type { FormState } from "@/lib/actions/form-state";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** The invited person's name and chosen password (twice); a refusal keeps the name typed. */
export function AcceptInvitationForm({ token, name, email, accept }: { token: string; name: string; email: string; accept: Action }) {
  const [state, action, pending] = useActionState(accept, {});
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="grid gap-1">
      <input type="hidden" name="token" value={token} />
      <Field label="Email" name="email">
        {/* Read-only, and for password managers: the account the new password belongs to. */}
        {(p) => <input {...p} type="email" autoComplete="username" value={email} readOnly className={`${inputClass} bg-rule/30`} />}
      </Field>
      <Field label="Your name" name="name" errors={e.name}>
        {(p) => <input {...p} name="name" autoComplete="name" defaultValue={state.values?.name ?? name} className={inputClass} />}
      </Field>
      <Field label="Choose a password" name="password" errors={e.password} hint="At least 12 characters.">
        {(p) => <input {...p} name="password" type="password" autoComplete="new-password" className={inputClass} />}
      </Field>
      <Field label="The same password again" name="confirmPassword" errors={e.confirmPassword}>
        {(p) => <input {...p} name="confirmPassword" type="password" autoComplete="new-password" className={inputClass} />}
      </Field>
      {state.message && (
        <p role="alert" className="mb-2 text-sm font-semibold text-accent">
          {state.message}
        </p>
      )}
      <button type="submit" className={buttonClass} disabled={pending}>
        Create my account
      </button>
    </form>
  );
}
