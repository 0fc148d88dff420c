"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/authed-action";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/actions/form-state";
import { newUserSchema, resetPasswordSchema, userAccessSchema } from "@/lib/auth/schema";
import { createUser, EmailTakenError, resetPassword, updateUserAccess } from "@/lib/users/mutations";

export const createUserAction = authedAction<FormState>("ADMIN", async (user, formData) => {
  const values = formValues(formData);
  delete values.password;
  const parsed = newUserSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values };
  try {
    await createUser(parsed.data, { actor: user });
  } catch (error) {
    if (error instanceof EmailTakenError) return { ok: false, fieldErrors: { email: [error.message] }, values };
    throw error;
  }
  revalidatePath("/admin/users");
  return { ok: true, message: `Created ${parsed.data.email}.` };
});

export const updateUserAccessAction = authedAction<FormState>("ADMIN", async (user, formData) => {
  const parsed = userAccessSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, message: "That change is not valid." };
  const result = await updateUserAccess(user, parsed.data.id, { role: parsed.data.role, disabled: parsed.data.disabled });
  if (!result.ok) return { ok: false, message: result.message };
  revalidatePath("/admin/users");
  return { ok: true, message: "Saved." };
});

export const resetPasswordAction = authedAction<FormState>("ADMIN", async (user, formData) => {
  const parsed = resetPasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, message: fieldErrorsOf(parsed.error).password?.[0] ?? "That password is not valid." };
  const result = await resetPassword(user, parsed.data.id, parsed.data.password);
  return result.ok ? { ok: true, message: "Password reset." } : { ok: false, message: result.message };
});
