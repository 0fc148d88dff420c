"use server";

import { refreshWorkspace } from "@/lib/cache";
import { workspaceAction } from "@/lib/actions/workspace-action";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/actions/form-state";
import { newUserSchema, resetPasswordSchema, userAccessSchema, userIdSchema } from "@/lib/users/schema";
import { createUser, EmailTakenError, resetPassword, signOutEverywhere, updateUserAccess } from "@/lib/users/mutations";

export const createUserAction = workspaceAction<FormState>(async (actor, formData) => {
  const values = formValues(formData);
  const parsed = newUserSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values };
  try {
    await createUser(actor, parsed.data);
  } catch (error) {
    if (error instanceof EmailTakenError) return { ok: false, fieldErrors: { email: [error.message] }, values };
    throw error;
  }
  refreshWorkspace("/admin/users");
  return { ok: true, message: `Created ${parsed.data.email}.` };
});

export const updateUserAccessAction = workspaceAction<FormState>(async (actor, formData) => {
  const parsed = userAccessSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, message: "That change is not valid." };
  const result = await updateUserAccess(actor, parsed.data.id, { role: parsed.data.role, disabled: parsed.data.disabled });
  if (!result.ok) return { ok: false, message: result.message };
  refreshWorkspace("/admin/users");
  return { ok: true, message: "Saved." };
});

export const resetPasswordAction = workspaceAction<FormState>(async (actor, formData) => {
  const parsed = resetPasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, message: fieldErrorsOf(parsed.error).password?.[0] ?? "That password is not valid." };
  const result = await resetPassword(actor, parsed.data.id, parsed.data.password);
  return result.ok ? { ok: true, message: "Password reset. The user's sessions have ended." } : { ok: false, message: result.message };
});

export const signOutEverywhereAction = workspaceAction<FormState>(async (actor, formData) => {
  const parsed = userIdSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, message: "That user is not valid." };
  const result = await signOutEverywhere(actor, parsed.data.id);
  if (!result.ok) return { ok: false, message: result.message };
  refreshWorkspace("/admin/users");
  return { ok: true, message: "Signed out everywhere." };
});
