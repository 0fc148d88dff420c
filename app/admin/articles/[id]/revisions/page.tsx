import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/admin/action-button";
import { ArticleTabs } from "@/components/admin/article-tabs";
import { DiffView } from "@/components/admin/diff-view";
import { buttonClass, secondaryButtonClass } from "@/components/ui/field";
import { DataTable } from "@/components/ui/data-table";
import { utc } from "@/lib/dates";
import { compareRevisions, getArticleForEditor, listRevisions } from "@/lib/articles/queries";
import { requireStaffPage } from "@/lib/auth/session";
import { parsePageNumber } from "@/lib/pagination";
import { restoreRevisionAction } from "../../actions";

export const metadata: Metadata = { title: "History" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string; to?: string }> };

/** An article's versions: who saved each and when, any two compared word by word, and any one restored. */
export default async function HistoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const { actor } = await requireStaffPage(`/admin/articles/${id}/revisions`);
  const [article, history] = await Promise.all([getArticleForEditor(actor, id), listRevisions(actor, id)]);
  if (!article) notFound();
  const current = article.version;
  const to = parsePageNumber(query.to) ?? current;
  const from = parsePageNumber(query.from) ?? Math.max(1, to - 1);
  const comparison = from !== to ? await compareRevisions(actor, id, from, to) : null;
  const compareHref = (a: number, b: number) => `/admin/articles/${id}/revisions?from=${a}&to=${b}#compare`;
  const versionLabel = (v: number) => `Version ${v}${v === current ? " (current)" : ""}`;
  return (
    <>
      <ArticleTabs article={article} current="history" />
      <section aria-labelledby="compare" className="mb-8">
        <h2 id="compare" className="mb-2 font-serif text-xl font-bold">
          Compare versions
        </h2>
        <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
          {(
            [
              ["from", "Older version", from],
              ["to", "Newer version", to],
            ] as const
          ).map(([name, label, value]) => (
            <label key={name} className="text-sm">
              <span className="block">{label}</span>
              <select name={name} defaultValue={value} className="rounded border border-muted bg-paper px-2 py-1.5">
                {history.revisions.map((r) => (
                  <option key={r.version} value={r.version}>
                    {versionLabel(r.version)} — {utc(r.createdAt)}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <button type="submit" className={secondaryButtonClass}>
            Compare
          </button>
        </form>
        {from === to ? (
          <p>Choose two different versions to compare.</p>
        ) : !comparison ? (
          <p role="alert">
            There is no version {[from, to].filter((v) => !history.revisions.some((r) => r.version === v)).join(" or ")} of this article.
          </p>
        ) : (
          <div data-testid="comparison">
            <p className="mb-3 text-sm text-muted">
              {versionLabel(comparison.from.version)}, saved {utc(comparison.from.createdAt)} by {comparison.from.by}, compared with{" "}
              {versionLabel(comparison.to.version).toLowerCase()}, saved {utc(comparison.to.createdAt)} by {comparison.to.by}. Words struck
              through are only in version {comparison.from.version}; words underlined only in version {comparison.to.version}.
            </p>
            {comparison.identical ? (
              <p>The two versions have the same text.</p>
            ) : (
              comparison.fields.map((field) => <DiffView key={field.label} label={field.label} rows={field.rows} />)
            )}
            {[comparison.from.version, comparison.to.version]
              .filter((v) => v !== current)
              .map((v) => (
                <div key={v} className="mt-2">
                  <ActionButton
                    action={restoreRevisionAction}
                    fields={{ id, revision: v, version: current }}
                    label={`Restore version ${v}`}
                    className={buttonClass}
                    confirm={`Save version ${v}'s text as a new version ${current + 1}?`}
                  />
                </div>
              ))}
            <p className="mt-1 text-sm text-muted">
              Restoring saves that version&rsquo;s text as a new version. Status, publish time and address stay as they are.
            </p>
          </div>
        )}
      </section>
      <section aria-labelledby="versions">
        <h2 id="versions" className="mb-2 font-serif text-xl font-bold">
          All versions
        </h2>
        <DataTable
          columns={["Version", "Saved", "By", { hidden: "Actions" }]}
          caption={
            history.total > history.revisions.length ? `The latest ${history.revisions.length} of ${history.total} versions` : undefined
          }
        >
          {history.revisions.map((r) => (
            <tr key={r.version} className="border-b border-rule">
              <td className="py-1">{versionLabel(r.version)}</td>
              <td>{utc(r.createdAt)}</td>
              <td>{r.by}</td>
              <td className="space-x-3">
                {r.version > 1 && (
                  <Link href={compareHref(r.version - 1, r.version)} className="underline">
                    Changes in this version<span className="sr-only"> {r.version}</span>
                  </Link>
                )}
                {r.version !== current && (
                  <Link href={compareHref(r.version, current)} className="underline">
                    Compare with current<span className="sr-only"> (version {r.version})</span>
                  </Link>
                )}
                <Link href={`/admin/articles/${id}/preview?version=${r.version}`} className="underline">
                  Preview<span className="sr-only"> version {r.version}</span>
                </Link>
              </td>
            </tr>
          ))}
        </DataTable>
      </section>
    </>
  );
}
