"use server";

import { redirect } from "next/navigation";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/actions/form-state";
import { NOT_A_FORM } from "@/lib/actions/workspace-action";
import { newUserSchema } from "@/lib/users/schema";
import { createFirstAdmin, EmailTakenError } from "@/lib/users/mutations";

/** First-run setup: the first ADMIN, for the holder of the setup token; refused once any user exists. */
export async function createFirstAdminAction(_previous: FormState, formData: FormData): Promise<FormState> {
  if (!(formData instanceof FormData)) return { ok: false, message: NOT_A_FORM };
  const values = formValues(formData);
  const parsed = newUserSchema.safeParse({ ...Object.fromEntries(formData), role: "ADMIN" });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  let result;
  try {
    result = await createFirstAdmin(formData.get("token"), parsed.data);
  } catch (error) {
    if (error instanceof EmailTakenError) return { fieldErrors: { email: [error.message] }, values };
    throw error;
  }
  if (!result.ok && result.reason === "token") {
    return {
      fieldErrors: { token: ["That setup token is not right. Copy it from the server's log, where Byline printed it at start."] },
      values,
    };
  }
  if (!result.ok) return { message: "Byline is already set up. Sign in instead.", values };
  redirect("/login?callbackUrl=%2Fadmin&setup=done");
}
