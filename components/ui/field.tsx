/** A labelled form field with its errors announced and tied to the input. */
export function Field({
  label,
  name,
  errors,
  hint,
  children,
}: {
  label: string;
  name: string;
  errors?: string[];
  hint?: string;
  children: (props: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => React.ReactNode;
}) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="mb-4">
      <label id={`${id}-label`} htmlFor={id} className="mb-1 block text-sm font-semibold">
        {label}
      </label>
      {children({ id, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy })}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-accent" data-field-error={name}>
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export const inputClass = "w-full rounded border border-muted px-3 py-2 aria-[invalid=true]:border-accent";
export const buttonClass = "rounded bg-ink px-4 py-2 font-semibold text-paper hover:opacity-90 disabled:opacity-50";
export const secondaryButtonClass = "rounded border border-ink px-4 py-2 font-semibold hover:bg-rule/40 disabled:opacity-50";
