"use client";

import type { ConflictInfo } from "@/lib/articles/mutations";
import { secondaryButtonClass } from "@/components/ui/field";
import { utc } from "@/lib/dates";

export const TEXT_FIELDS = [
  ["headline", "Headline"],
  ["standfirst", "Standfirst"],
  ["body", "Body"],
  ["caption", "Caption"],
  ["dateline", "Dateline"],
  ["source", "Source"],
  ["slug", "Slug"],
] as const;

/**
 * Shown when a save was refused because someone else saved first: their text beside yours,
 * field by field. Yours stays in the form below; you can copy from theirs, or overwrite.
 */
export function ConflictPanel({
  conflict,
  mine,
  onOverwrite,
  pending,
}: {
  conflict: ConflictInfo;
  mine: Record<string, string>;
  onOverwrite: () => void;
  pending: boolean;
}) {
  const changed = TEXT_FIELDS.filter(([key]) => (conflict.theirs[key] ?? "") !== (mine[key] ?? "").replace(/\r\n?/g, "\n").trim());
  return (
    <section aria-labelledby="conflict-heading" className="mb-6 rounded border-2 border-amber-500 bg-amber-50 p-4" data-testid="conflict">
      <h2 id="conflict-heading" className="mb-1 text-lg font-bold">
        Edit conflict
      </h2>
      <p className="mb-3 text-sm">
        {conflict.updatedBy ?? "Someone"} saved version {conflict.version} at {utc(conflict.updatedAt)}. Your text is still in the form
        below.
      </p>
      <SideBySide
        fields={changed}
        left={{ name: "their version", values: conflict.theirs }}
        right={{ name: "your version", values: mine }}
      />
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" className={secondaryButtonClass} onClick={onOverwrite} disabled={pending}>
          Overwrite with my version
        </button>
        <a href="" className={secondaryButtonClass}>
          Discard mine and load theirs
        </a>
      </div>
    </section>
  );
}

type Side = { name: string; values: Partial<Record<string, unknown>> };

/** Two versions of the fields that differ, side by side: read-only, so either can be copied from. */
export function SideBySide({ fields, left, right }: { fields: readonly (readonly [string, string])[]; left: Side; right: Side }) {
  return (
    <div className="grid gap-3 md:grid-cols-2">
      {fields.map(([key, label]) => (
        <div key={key} className="contents">
          {[left, right].map((side) => (
            <div key={side.name}>
              <h3 className="text-sm font-semibold">
                {label}: {side.name}
              </h3>
              <textarea
                readOnly
                aria-label={`${label}: ${side.name}`}
                value={String(side.values[key] ?? "")}
                rows={key === "body" ? 8 : 2}
                className="w-full rounded border border-rule bg-white p-2 text-sm"
              />
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
