import { z } from "zod";

/**
 * What a form's Server Action returns: field errors and a message on failure, and always the
 * values that were submitted, so a rejected form shows exactly what the user typed.
 */
export type FormState<Values = Record<string, string>> = {
  ok?: boolean;
  message?: string;
  fieldErrors?: Partial<Record<string, string[]>>;
  values?: Values;
};

export type FieldErrors = Partial<Record<string, string[]>>;

/**
 * What a domain mutation answers: done (with whatever it returns), or refused with a message for
 * the person, the fields to fix, and anything else the form shows (a conflict).
 */
export type Refusal = { ok: false; message: string; fieldErrors?: FieldErrors; conflict?: unknown };
export type Outcome<Done extends object = object> = ({ ok: true; message?: string } & Done) | Refusal;

/** A form that names one record: trash, restore, delete, sign out everywhere. */
export const recordIdSchema = z.object({ id: z.string().min(1).max(100) });

/** zod issues as `{ field: [messages] }`, the shape forms show next to each field. */
export function fieldErrorsOf(error: z.ZodError): Partial<Record<string, string[]>> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

/** The submitted text fields of a form, as strings (files dropped, repeated keys joined by commas). */
export function formInput(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (typeof value === "string") values[key] = key in values ? `${values[key]},${value}` : value;
  }
  return values;
}

/** What a refused form shows again: everything typed except passwords, which never go back to the page. */
export function formValues(formData: FormData): Record<string, string> {
  return Object.fromEntries(Object.entries(formInput(formData)).filter(([key]) => !/password/i.test(key)));
}
