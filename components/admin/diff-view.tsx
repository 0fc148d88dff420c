import { isUnchanged, type DiffRow } from "@/lib/articles/diff";

const removedClass = "bg-red-100 text-red-900 line-through decoration-2";
const addedClass = "bg-green-100 text-green-900 underline decoration-2";

/**
 * One field's changes: whole lines removed (−) or added (+), and in an edited line the words that
 * changed, struck through or underlined as well as coloured, so they read without colour.
 */
export function DiffView({ rows, label }: { rows: DiffRow[]; label: string }) {
  if (isUnchanged(rows)) return null;
  return (
    <section className="mb-4" aria-label={`Changes to ${label}`}>
      <h3 className="mb-1 text-sm font-semibold">{label}</h3>
      <div className="overflow-x-auto rounded border border-rule p-2 text-sm whitespace-pre-wrap">
        {rows.map((row, i) =>
          row.kind === "changed" ? (
            <div key={i} data-diff="changed">
              <span aria-hidden="true">~ </span>
              {row.parts.map((part, k) =>
                part.kind === "same" ? (
                  <span key={k}>{part.text}</span>
                ) : part.kind === "removed" ? (
                  <del key={k} className={`${removedClass} mr-0.5`} data-diff="removed-words">
                    {part.text}
                  </del>
                ) : (
                  <ins key={k} className={addedClass} data-diff="added-words">
                    {part.text}
                  </ins>
                ),
              )}
            </div>
          ) : row.kind === "same" ? (
            <div key={i}>
              {"  "}
              {row.text}
            </div>
          ) : row.kind === "removed" ? (
            <del key={i} className={`block ${removedClass}`} data-diff="removed">
              - {row.text}
            </del>
          ) : (
            <ins key={i} className={`block ${addedClass}`} data-diff="added">
              + {row.text}
            </ins>
          ),
        )}
      </div>
    </section>
  );
}
