"use server";

import { redirect } from "next/navigation";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/actions/form-state";
import { newUserSchema } from "@/lib/auth/schema";
import { createUser } from "@/lib/users/mutations";

/** First-run setup: creates the first ADMIN, and refuses once any user exists. */
export async function createFirstAdmin(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  delete values.password;
  const parsed = newUserSchema.safeParse({ ...Object.fromEntries(formData), role: "ADMIN" });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const user = await createUser(parsed.data, { onlyIfFirst: true });
  if (!user) return { message: "Byline is already set up. Sign in instead.", values };
  redirect("/login?callbackUrl=%2Fadmin&setup=done");
}
