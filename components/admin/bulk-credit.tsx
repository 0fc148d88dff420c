"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { SelectAllButton } from "./bulk-remove";

const FORM_ID = "bulk-credit";

/** The checkbox of one picture, part of the bulk-credit form wherever the row sits. */
export function BulkCreditBox({ value, label }: { value: string; label: string }) {
  return <input type="checkbox" name="imageId" value={value} form={FORM_ID} aria-label={label} className="size-4" />;
}

/** One credit for every ticked picture (an agency's batch, a photographer's day). */
export function BulkCreditForm({ action }: { action: (previous: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form id={FORM_ID} action={formAction} className="mb-2 flex flex-wrap items-end gap-2 text-sm">
      <SelectAllButton formId={FORM_ID} />
      <label>
        <span className="block font-semibold">Credit for the selected pictures</span>
        <input name="credit" defaultValue={state.values?.credit} className="rounded border border-muted px-2 py-0.5" />
      </label>
      <button type="submit" disabled={pending} className="rounded border border-muted px-2 py-0.5 font-semibold">
        Set credit
      </button>
      {state.message && (
        <span role="status" className={state.ok ? "font-semibold" : "font-semibold text-accent"}>
          {state.message}
        </span>
      )}
    </form>
  );
}
