"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/actions/form-state";

const FORM_ID = "bulk-remove";

/** The checkbox of one row, part of the bulk-removal form wherever the row sits on the page. */
export function BulkRemoveBox({ value, label }: { value: string; label: string }) {
  return <input type="checkbox" name="linkId" value={value} form={FORM_ID} aria-label={label} className="size-4" />;
}

/** "Remove selected" for the rows ticked with BulkRemoveBox, with "select all" and what happened. */
export function BulkRemoveForm({ action }: { action: (previous: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form
      id={FORM_ID}
      action={formAction}
      onSubmit={(e) => {
        const ticked = [...tickBoxesOf(FORM_ID)].filter((b) => b.checked).length;
        if (
          ticked > 0 &&
          !window.confirm(`Remove ${ticked === 1 ? "the ticked link" : `the ${ticked} ticked links`}? Readers stop seeing them.`)
        )
          e.preventDefault();
      }}
      className="mb-2 flex flex-wrap items-center gap-2 text-sm"
    >
      <SelectAllButton formId={FORM_ID} />
      <button type="submit" disabled={pending} className="rounded border border-muted px-2 py-0.5 font-semibold">
        Remove selected
      </button>
      {state.message && (
        <span role="status" className={state.ok ? "font-semibold" : "font-semibold text-accent"}>
          {state.message}
        </span>
      )}
    </form>
  );
}

/** The row checkboxes that belong to a form (by their `form` attribute), wherever they sit. */
export const tickBoxesOf = (formId: string) => document.querySelectorAll<HTMLInputElement>(`input[form="${formId}"]`);

/** Ticks every row on the page, or unticks them all when all are ticked. */
export function SelectAllButton({ formId }: { formId: string }) {
  return (
    <button
      type="button"
      className="rounded border border-muted px-2 py-0.5"
      onClick={() => {
        const all = [...tickBoxesOf(formId)];
        const check = all.some((b) => !b.checked);
        for (const box of all) box.checked = check;
      }}
    >
      Select all on this page
    </button>
  );
}
