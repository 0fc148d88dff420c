"use server";

import { redirect } from "next/navigation";
import { fieldErrorsOf, formInput, formValues, type FormState } from "@/lib/actions/form-state";
import { NOT_A_FORM } from "@/lib/actions/workspace-action";
import { acceptInvitationSchema } from "@/lib/users/schema";
import { acceptInvitation } from "@/lib/users/mutations";

/** The invited person chooses a password: the account exists, and they sign in with it. Guarded by the link's token. */
export async function acceptInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  if (!(formData instanceof FormData)) return { ok: false, message: NOT_A_FORM };
  const values = formValues(formData);
  const parsed = acceptInvitationSchema.safeParse(formInput(formData));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await acceptInvitation(parsed.data.token, parsed.data);
  if (!result.ok) return { ok: false, message: result.message, values };
  redirect("/login?callbackUrl=%2Fadmin&welcome=1");
}
