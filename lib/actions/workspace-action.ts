import "server-only";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { AuthorizationError, type Actor } from "@/lib/auth/actor";
import { getRequestActor } from "@/lib/auth/session";
import { refreshWorkspace } from "@/lib/cache";
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from "@/lib/db-errors";
import { fieldErrorsOf, formInput, formValues, type FormState, type Outcome } from "./form-state";

export const NOT_A_FORM = "This request did not carry a form. Reload the page and try again.";

type Action<S> = (previous: S, formData: FormData) => Promise<S>;

/**
 * The base of every workspace Server Action. It hands the request's actor to `body`, whose lib
 * calls check it (lib/auth/actor.ts); a refusal — signed out, session ended, wrong role — comes
 * back as form state with the submitted values, so nothing typed is lost, and so does a database
 * outage. Anything but form data (a hostile client can send JSON, a string, nothing) gets a clear
 * error.
 */
export function workspaceAction<S extends FormState>(
  body: (actor: Actor | null, formData: FormData, previous: S) => Promise<S>,
): Action<S> {
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

type Done<Result> = Extract<Result, { ok: true }>;

/**
 * A Server Action in one line: parse the form with the schema the mutation shares (field errors
 * and the typed values come back on failure), call the mutation with the actor, and say what
 * happened — its refusal with the values kept, or `done`, or a redirect to `redirectTo`.
 */
export function formAction<Schema extends z.ZodType, Result extends Outcome, S extends FormState = FormState>(
  schema: Schema,
  mutation: (actor: Actor | null, input: z.output<Schema>) => Promise<Result>,
  options: {
    /** The message on success (default "Saved."). */
    done?: string | ((result: Done<Result>) => string);
    /** Where to go on success instead of staying on the page (none when it answers undefined). */
    redirectTo?: (result: Done<Result>, input: z.output<Schema>) => string | undefined;
    /** Workspace screens to refresh on success: one path, or the whole workspace. */
    refresh?: string | "workspace";
    /** What else the form shows on success, from the result (an invitation's link). */
    reply?: (result: Done<Result>) => Partial<S>;
    /** The message when the form does not parse (default: the first field's error). */
    invalid?: string;
  } = {},
): Action<S> {
  return workspaceAction<S>(async (actor, formData) => {
    const values = formValues(formData);
    const parsed = schema.safeParse(formInput(formData));
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error);
      return { ok: false, fieldErrors, message: options.invalid ?? Object.values(fieldErrors)[0]?.[0], values } as S;
    }
    const result = await mutation(actor, parsed.data);
    if (!result.ok) {
      const { message, fieldErrors, conflict } = result;
      return { ok: false, message, fieldErrors, conflict, values } as unknown as S;
    }
    const done = result as Done<Result>;
    if (options.refresh) refreshWorkspace(options.refresh === "workspace" ? undefined : options.refresh);
    const goTo = options.redirectTo?.(done, parsed.data);
    if (goTo) redirect(goTo);
    const message = typeof options.done === "function" ? options.done(done) : (options.done ?? done.message ?? "Saved.");
    return { ...options.reply?.(done), ok: true, message } as S;
  });
}
