"use server";

import { redirect } from "next/navigation";
import { workspaceAction } from "@/lib/actions/workspace-action";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/actions/form-state";
import { deleteAuthor, saveAuthor } from "@/lib/authors/mutations";
import { authorFormSchema } from "@/lib/authors/schema";

export const saveAuthorAction = workspaceAction<FormState>(async (actor, formData) => {
  const values = formValues(formData);
  const parsed = authorFormSchema.safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await saveAuthor(actor, parsed.data, values.id || undefined);
  if (!result.ok) return { ok: false, fieldErrors: result.fieldErrors, message: result.fieldErrors.form?.[0], values };
  redirect(`/admin/authors?saved=${result.id}`);
});

export const deleteAuthorAction = workspaceAction<FormState>(async (actor, formData) => {
  const result = await deleteAuthor(actor, String(formData.get("id") ?? ""));
  if (!result.ok) return { ok: false, message: result.message };
  redirect("/admin/authors?deleted=1");
});
