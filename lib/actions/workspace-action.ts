import "server-only";
import type { z } from "zod";
import { AuthorizationError, type Actor } from "@/lib/auth/actor";
import { getRequestActor } from "@/lib/auth/session";
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from "@/lib/db-errors";
import { fieldErrorsOf, formValues, type FormState } from "./form-state";

export const NOT_A_FORM = "This request did not carry a form. Reload the page and try again.";

/**
 * A workspace Server Action. It hands the request's actor to `body`, whose lib calls check it
 * (lib/auth/actor.ts); a refusal — signed out, session ended, wrong role — comes back as form
 * state with the submitted values, so nothing typed is lost, and so does a database outage.
 * Anything but form data (a hostile client can send JSON, a string, nothing) gets a clear error.
 */
export function workspaceAction<S extends FormState>(
  body: (actor: Actor | null, formData: FormData, previous: S) => Promise<S>,
): (previous: S, formData: FormData) => Promise<S> {
  return async (previous, formData) => {
    const base = (previous && typeof previous === "object" ? previous : {}) as S;
    if (!(formData instanceof FormData)) return { ...base, ok: false, message: NOT_A_FORM, conflict: undefined, values: {} } as S;
    const refuse = (message: string) => ({ ...base, ok: false, message, conflict: undefined, values: formValues(formData) }) as S;
    try {
      return await body(await getRequestActor(), formData, base);
    } catch (error) {
      if (error instanceof AuthorizationError) return refuse(error.message);
      if (isDatabaseUnavailable(error)) return refuse(DATABASE_UNAVAILABLE);
      throw error;
    }
  };
}

type Outcome = { ok: true; message?: string } | { ok: false; message: string };

/**
 * The common shape in one line: parse the form with the schema the mutation shares, show field
 * errors with the values kept, otherwise call the mutation with the actor and say what happened.
 */
export function formAction<Schema extends z.ZodType>(
  schema: Schema,
  mutation: (actor: Actor | null, input: z.output<Schema>) => Promise<Outcome>,
  { done = "Saved.", after }: { done?: string; after?: () => void } = {},
): (previous: FormState, formData: FormData) => Promise<FormState> {
  return workspaceAction<FormState>(async (actor, formData) => {
    const values = formValues(formData);
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error);
      return { ok: false, fieldErrors, message: Object.values(fieldErrors)[0]?.[0], values };
    }
    const result = await mutation(actor, parsed.data);
    if (!result.ok) return { ok: false, message: result.message, values };
    after?.();
    return { ok: true, message: result.message ?? done };
  });
}
