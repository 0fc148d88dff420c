import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { Pagination } from "@/components/ui/pagination";
import { StatusBadge, StatusOptions } from "@/components/admin/status-badge";
import { utc } from "@/lib/dates";
import { buttonClass, inputClass } from "@/components/ui/field";
import { AUTHOR_FILTER_MATCHES, listArticlesForAdmin, SORTS } from "@/lib/articles/queries";
import { requireStaffPage } from "@/lib/auth/session";
import { parsePageNumber } from "@/lib/pagination";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Articles" };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function ArticlesPage({ searchParams }: Props) {
  const params = await searchParams;
  const { actor } = await requireStaffPage("/admin/articles");
  const list = await listArticlesForAdmin(actor, {
    q: params.q,
    status: params.status,
    author: params.author,
    authorId: params.authorId,
    sort: params.sort,
    page: parsePageNumber(params.page) ?? 1,
  });
  const hrefFor = (page: number) => `/admin/articles?${new URLSearchParams({ ...(params as Record<string, string>), page: String(page) })}`;
  return (
    <>
      <div className="mb-4 flex items-center justify-between">
        <h1 className="font-serif text-3xl font-bold">Articles</h1>
        <Link href="/admin/articles/new" className={buttonClass}>
          New article
        </Link>
      </div>
      {params.trashed && (
        <p role="status" className="mb-4 rounded bg-rule/50 p-2">
          Moved to the trash.
        </p>
      )}
      {params.denied && (
        <p role="status" className="mb-4 rounded bg-amber-100 p-2">
          That page is for administrators.
        </p>
      )}
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" role="search">
        <label className="text-sm">
          <span className="block font-semibold">Headline</span>
          <input name="q" type="search" defaultValue={params.q} className={inputClass} />
        </label>
        <label className="text-sm">
          <span className="block font-semibold">Status</span>
          <select name="status" defaultValue={params.status ?? ""} className={inputClass}>
            <option value="">Any</option>
            <StatusOptions />
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-semibold">Author</span>
          <input name="author" type="search" defaultValue={params.author} placeholder="Any" className={inputClass} />
        </label>
        <label className="text-sm">
          <span className="block font-semibold">Sort by</span>
          <select name="sort" defaultValue={list.sort} className={inputClass}>
            {Object.entries(SORTS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass}>
          Filter
        </button>
      </form>
      <p className="mb-2 text-sm text-muted">
        {list.total.toLocaleString("en")} articles
        {list.tooManyAuthors &&
          ` — by the first ${AUTHOR_FILTER_MATCHES} authors whose name contains “${params.author}”: type more of the name to narrow it`}
      </p>
      <DataTable columns={["Headline", "Status", "Authors", "Publish time", "Updated", "Updated by"]}>
        {list.articles.map((a) => (
          <tr key={a.id} className="border-b border-rule">
            <td className="py-2 pr-3">
              <Link href={`/admin/articles/${a.id}`} className="font-semibold underline">
                {a.headline}
              </Link>
            </td>
            <td className="py-2 pr-3">
              <StatusBadge status={a.status} />
            </td>
            <td className="py-2 pr-3">{a.authors.join(", ")}</td>
            <td className="py-2 pr-3 whitespace-nowrap">{utc(a.publishedAt)}</td>
            <td className="py-2 pr-3 whitespace-nowrap">{utc(a.updatedAt)}</td>
            <td className="py-2">{a.updatedBy ?? "—"}</td>
          </tr>
        ))}
      </DataTable>
      <Pagination page={list.page} pages={list.pages} hrefFor={hrefFor} />
    </>
  );
}
