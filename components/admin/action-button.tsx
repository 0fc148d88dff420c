"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/actions/form-state";

/**
 * A small form for one Server Action (trash, restore, attach…): hidden fields, optional inputs,
 * one button, and the action's refusal or confirmation shown beside it.
 */
export function ActionButton({
  action,
  fields,
  label,
  className,
  confirm,
  ariaLabel,
  disabled,
  children,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  fields: Record<string, string | number>;
  label: string;
  className?: string;
  confirm?: string;
  ariaLabel?: string;
  disabled?: boolean;
  children?: React.ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
      className="inline-flex flex-wrap items-center gap-1"
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button type="submit" disabled={pending || disabled} className={className} aria-label={ariaLabel}>
        {label}
      </button>
      {state.message && !state.ok && (
        <span role="status" className="text-sm font-semibold text-accent">
          {state.message}
        </span>
      )}
    </form>
  );
}
