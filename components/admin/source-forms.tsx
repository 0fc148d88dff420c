"use client";

import { useActionState } from "react";
import { buttonClass, Field, inputClass } from "@/components/ui/field";
import type { FormState } from "@/lib/actions/form-state";

type Save = (previous: FormState, formData: FormData) => Promise<FormState>;
type Source = { id: string; name: string; url: string; intervalMinutes: number; publish: boolean; defaultAuthor: string; enabled: boolean };

const NEW_SOURCE: Source = { id: "", name: "", url: "", intervalMinutes: 15, publish: false, defaultAuthor: "", enabled: true };

/** Adds a wire or feed, or changes one: what the form says is kept when the save is refused. */
export function SourceForm({ source = NEW_SOURCE, save, legend }: { source?: Source; save: Save; legend: string }) {
  const [state, action, pending] = useActionState(save, {});
  const e = state.fieldErrors ?? {};
  const v = (name: keyof Source) => state.values?.[name] ?? String(source[name]);
  const checked = (name: "publish" | "enabled") => (state.values ? state.values[name] === "on" : source[name]);
  const key = source.id || "new";
  return (
    <form action={action} noValidate className="max-w-2xl">
      <fieldset>
        <legend className="mb-2 font-semibold">{legend}</legend>
        <input type="hidden" name="id" value={source.id} />
        <Field label="Name" name={`name-${key}`} errors={e.name} hint="Credited as the story's source, e.g. “Reuters”.">
          {(p) => <input {...p} name="name" defaultValue={v("name")} className={inputClass} />}
        </Field>
        <Field label="Feed address" name={`url-${key}`} errors={e.url} hint="An RSS or Atom feed, or an IPTC ninjs JSON endpoint.">
          {(p) => <input {...p} name="url" type="url" inputMode="url" defaultValue={v("url")} className={inputClass} />}
        </Field>
        <Field label="Poll every (minutes)" name={`interval-${key}`} errors={e.intervalMinutes}>
          {(p) => (
            <input
              {...p}
              name="intervalMinutes"
              type="number"
              min={1}
              max={1440}
              defaultValue={v("intervalMinutes")}
              className={`${inputClass} max-w-32`}
            />
          )}
        </Field>
        <Field
          label="Default byline"
          name={`author-${key}`}
          errors={e.defaultAuthor}
          hint="For items that name no author. Leave empty for none."
        >
          {(p) => <input {...p} name="defaultAuthor" defaultValue={v("defaultAuthor")} className={inputClass} />}
        </Field>
        <label className="mb-2 flex items-center gap-2">
          <input type="checkbox" name="publish" defaultChecked={checked("publish")} /> Publish items as they arrive (otherwise they wait as
          drafts)
        </label>
        <label className="mb-3 flex items-center gap-2">
          <input type="checkbox" name="enabled" defaultChecked={checked("enabled")} /> Poll this source
        </label>
        {state.message && (
          <p role="status" className="mb-3 font-semibold text-accent">
            {state.message}
          </p>
        )}
        <button type="submit" className={buttonClass} disabled={pending}>
          {source.id ? "Save source" : "Add source"}
        </button>
      </fieldset>
    </form>
  );
}

/** "Poll now", saying what came in (or what went wrong) beside the button. */
export function PollNowButton({ id, name, poll }: { id: string; name: string; poll: Save }) {
  const [state, action, pending] = useActionState(poll, {});
  return (
    <form action={action} className="inline-flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="underline" disabled={pending} aria-label={`Poll ${name} now`}>
        {pending ? "Polling…" : "Poll now"}
      </button>
      {state.message && (
        <span role="status" className="text-sm font-semibold text-accent">
          {state.message}
        </span>
      )}
    </form>
  );
}
