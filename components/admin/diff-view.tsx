import type { DiffLine } from "@/lib/articles/diff";

/** A line diff: removed lines struck through in red, added lines in green, with text markers for non-colour readers. */
export function DiffView({ lines, label }: { lines: DiffLine[]; label: string }) {
  if (lines.every((l) => l.kind === "same")) return null;
  return (
    <section className="mb-4" aria-label={`Changes to ${label}`}>
      <h3 className="mb-1 text-sm font-semibold">{label}</h3>
      <pre className="overflow-x-auto whitespace-pre-wrap rounded border border-rule p-2 text-sm">
        {lines.map((line, i) =>
          line.kind === "same" ? (
            <div key={i}>
              {"  "}
              {line.text}
            </div>
          ) : line.kind === "removed" ? (
            <del key={i} className="block bg-red-50 text-red-900" data-diff="removed">
              - {line.text}
            </del>
          ) : (
            <ins key={i} className="block bg-green-50 text-green-900 no-underline" data-diff="added">
              + {line.text}
            </ins>
          ),
        )}
      </pre>
    </section>
  );
}
