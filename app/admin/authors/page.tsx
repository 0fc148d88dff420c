import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { AuthorForm } from "@/components/admin/author-form";
import { Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/ui/search-form";
import { requireStaffPage } from "@/lib/auth/session";
import { listAuthorsWithCounts } from "@/lib/authors/queries";
import { parsePageNumber } from "@/lib/pagination";
import { saveAuthorAction } from "./actions";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Authors" };

type Props = { searchParams: Promise<{ deleted?: string; q?: string; page?: string }> };

export default async function AuthorsPage({ searchParams }: Props) {
  const params = await searchParams;
  const { actor } = await requireStaffPage("/admin/authors", "authors:edit");
  const q = (params.q ?? "").slice(0, 200);
  const list = await listAuthorsWithCounts(actor, { q, page: parsePageNumber(params.page) ?? 1 });
  const hrefFor = (page: number) => `/admin/authors?${new URLSearchParams({ ...(q ? { q } : {}), page: String(page) })}`;
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Authors</h1>
      {params.deleted && (
        <p role="status" className="mb-4 rounded bg-green-100 p-2">
          Author deleted.
        </p>
      )}
      <SearchForm label="Name" q={q} />
      <p className="mb-2 text-sm text-muted">
        {list.total.toLocaleString("en")} {list.total === 1 ? "author" : "authors"}
        {q && ` whose name contains “${q}”`}
      </p>
      <DataTable columns={["Name", "Slug", "Articles"]}>
        {list.authors.map((a) => (
          <tr key={a.id} className="border-b border-rule">
            <td className="py-1">
              <Link href={`/admin/authors/${a.id}`} className="underline">
                {a.name}
              </Link>
            </td>
            <td>{a.slug}</td>
            <td>
              <Link href={`/admin/articles?${new URLSearchParams({ authorId: a.id })}`} className="underline">
                {a._count.bylines}
              </Link>
            </td>
          </tr>
        ))}
      </DataTable>
      <Pagination page={list.page} pages={list.pages} hrefFor={hrefFor} />
      <h2 className="mt-8 mb-2 font-serif text-xl font-bold">New author</h2>
      <AuthorForm save={saveAuthorAction} />
    </>
  );
}
