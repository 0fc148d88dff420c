import type { Metadata } from "next";
import { ActionButton } from "@/components/admin/action-button";
import { utc } from "@/lib/dates";
import { secondaryButtonClass } from "@/components/ui/field";
import { listTrash } from "@/lib/articles/queries";
import { requireStaffPage } from "@/lib/auth/session";
import { restoreFromTrashAction } from "../articles/actions";
import { displayName } from "@/lib/users/schema";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { parsePageNumber } from "@/lib/pagination";

export const metadata: Metadata = { title: "Trash" };

export default async function TrashPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { actor } = await requireStaffPage("/admin/trash", "articles:restore");
  const { articles, total, page, pages } = await listTrash(actor, parsePageNumber((await searchParams).page) ?? 1);
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Trash</h1>
      {articles.length === 0 ? (
        <p>The trash is empty.</p>
      ) : (
        <DataTable columns={["Headline", "Trashed", "By", { hidden: "Actions" }]} caption={`${total.toLocaleString("en")} in the trash`}>
          {articles.map((a) => (
            <tr key={a.id} className="border-b border-rule">
              <td className="py-1">{a.headline}</td>
              <td>{utc(a.deletedAt)}</td>
              <td>{a.updatedBy ? displayName(a.updatedBy) : "—"}</td>
              <td>
                <ActionButton
                  action={restoreFromTrashAction}
                  fields={{ id: a.id }}
                  label={`Restore “${a.headline}”`}
                  className={secondaryButtonClass}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={page} pages={pages} hrefFor={(n) => `/admin/trash?page=${n}`} />
    </>
  );
}
