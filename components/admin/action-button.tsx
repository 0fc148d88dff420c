"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/actions/form-state";

/** A one-button form for a Server Action (trash, restore…), with its refusal shown beside it. */
export function ActionButton({
  action,
  fields,
  label,
  className,
  confirm,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  fields: Record<string, string | number>;
  label: string;
  className?: string;
  confirm?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} onSubmit={(e) => { if (confirm && !window.confirm(confirm)) e.preventDefault(); }} className="inline">
      {Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <button type="submit" disabled={pending} className={className}>{label}</button>
      {state.message && <span role="status" className="ml-2 text-sm font-semibold text-accent">{state.message}</span>}
    </form>
  );
}
