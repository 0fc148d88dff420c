import "server-only";
import { AuthorizationError, requireUser, type CurrentUser } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/schema";
import { formValues, type FormState } from "./form-state";

/**
 * Wraps a form Server Action so it cannot skip authentication: the user is loaded (and
 * checked against `role`) before the body runs. A refusal comes back as form state, with the
 * submitted values, so nothing typed is lost.
 */
export function authedAction<S extends FormState>(
  role: Role | undefined,
  body: (user: CurrentUser, formData: FormData, previous: S) => Promise<S>,
): (previous: S, formData: FormData) => Promise<S> {
  return async (previous, formData) => {
    let user: CurrentUser;
    try {
      user = await requireUser(role);
    } catch (error) {
      if (error instanceof AuthorizationError) return { ...previous, ok: false, message: error.message, values: formValues(formData) } as S;
      throw error;
    }
    return body(user, formData, previous);
  };
}
