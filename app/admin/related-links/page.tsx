import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { Pagination } from "@/components/ui/pagination";
import { ActionButton } from "@/components/admin/action-button";
import { buttonClass, inputClass } from "@/components/ui/field";
import { requireStaffPage } from "@/lib/auth/session";
import { parsePageNumber } from "@/lib/pagination";
import { listLinkProblems, PROBLEM_KINDS, type ProblemKind } from "@/lib/related-links/queries";
import { CONFIDENT_MATCH } from "@/lib/related-links/policy";
import { BulkRemoveBox, BulkRemoveForm } from "@/components/admin/bulk-remove";
import { attachTargetAction, removeRelatedLinksAction } from "./actions";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Related links" };

type Props = { searchParams: Promise<{ kind?: string; page?: string; q?: string }> };

export default async function RelatedLinksReport({ searchParams }: Props) {
  const params = await searchParams;
  const kind: ProblemKind = params.kind && params.kind in PROBLEM_KINDS ? (params.kind as ProblemKind) : "unresolved";
  const page = parsePageNumber(params.page) ?? 1;
  const { actor, user } = await requireStaffPage("/admin/related-links", "related-links:read");
  const report = await listLinkProblems(actor, kind, page, params.q?.slice(0, 200));
  const canEdit = user.role === "ADMIN";
  const href = (over: Record<string, string>) =>
    `/admin/related-links?${new URLSearchParams({ kind, ...(params.q ? { q: params.q } : {}), ...over })}`;
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Related links to review</h1>
      <nav aria-label="Kinds of link" className="mb-4 flex flex-wrap gap-4 text-sm">
        {Object.entries(PROBLEM_KINDS).map(([value, label]) => (
          <Link
            key={value}
            href={href({ kind: value })}
            aria-current={value === kind ? "page" : undefined}
            className={value === kind ? "font-bold underline" : "underline"}
          >
            {label}
          </Link>
        ))}
      </nav>
      <form method="get" className="mb-4 flex gap-2" role="search">
        <input type="hidden" name="kind" value={kind} />
        <label htmlFor="q" className="sr-only">
          Filter by label
        </label>
        <input id="q" name="q" type="search" defaultValue={params.q} placeholder="Label contains…" className={inputClass} />
        <button type="submit" className={buttonClass}>
          Filter
        </button>
      </form>
      <p className="mb-2 text-sm text-muted">
        {report.total.toLocaleString("en")}
        {report.more ? "+" : ""} links
      </p>
      {canEdit && report.items.length > 0 && <BulkRemoveForm action={removeRelatedLinksAction} />}
      <DataTable
        columns={[
          ...(canEdit ? [{ hidden: "Select" }] : []),
          "Label",
          "On article",
          kind === "unresolved" ? "Best candidate" : kind === "external" ? "URL" : "Target",
        ]}
      >
        {report.items.map((item) => (
          <tr key={item.id} className="border-b border-rule align-top">
            {canEdit && (
              <td className="py-1 pr-2">
                <BulkRemoveBox value={item.id} label={`Select “${item.label}” on “${item.article.headline}”`} />
              </td>
            )}
            <td className="py-1 pr-3">
              <Link href={`/admin/articles/${item.article.id}/related?link=${item.id}#link-${item.id}`} className="underline">
                {item.label}
              </Link>
            </td>
            <td className="pr-3">
              <Link href={`/admin/articles/${item.article.id}`} className="underline">
                {item.article.headline}
              </Link>
            </td>
            <td>
              {kind === "external" && <span className="break-all">{item.url}</span>}
              {kind === "unpublished" && item.target?.headline}
              {kind === "unresolved" &&
                (item.best ? (
                  <>
                    {item.best.headline} <span className="text-muted">({Math.round(item.best.score * 100)}% alike)</span>{" "}
                    {canEdit && item.best.score >= CONFIDENT_MATCH && (
                      <ActionButton
                        action={attachTargetAction}
                        fields={{ linkId: item.id, targetArticleId: item.best.id }}
                        label="Attach suggested"
                        ariaLabel={`Attach “${item.best.headline}” to “${item.label}”`}
                        className="rounded border border-muted px-2 py-0.5"
                      />
                    )}
                  </>
                ) : (
                  <span className="text-muted">No candidate</span>
                ))}
            </td>
          </tr>
        ))}
      </DataTable>
      <Pagination page={report.page} pages={report.pages} hrefFor={(n) => href({ page: String(n) })} />
    </>
  );
}
