import "server-only";
import { AuthorizationError, requireUser, type CurrentUser } from "@/lib/auth/session";
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from "@/lib/db-errors";
import type { Role } from "@/lib/auth/schema";
import { formValues, type FormState } from "./form-state";

/**
 * Wraps a form Server Action so it cannot skip authentication: the user is loaded (and
 * checked against `role`) before the body runs. A refusal comes back as form state, with the
 * submitted values, so nothing typed is lost — and so does a database outage.
 */
export function authedAction<S extends FormState>(
  role: Role | undefined,
  body: (user: CurrentUser, formData: FormData, previous: S) => Promise<S>,
): (previous: S, formData: FormData) => Promise<S> {
  return async (previous, formData) => {
    const refuse = (message: string) => ({ ...previous, ok: false, message, conflict: undefined, values: formValues(formData) }) as S;
    try {
      const user = await requireUser(role);
      return await body(user, formData, previous);
    } catch (error) {
      if (error instanceof AuthorizationError) return refuse(error.message);
      if (isDatabaseUnavailable(error)) return refuse(DATABASE_UNAVAILABLE);
      throw error;
    }
  };
}
