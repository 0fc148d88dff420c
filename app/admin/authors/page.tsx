import type { Metadata } from "next";
import Link from "next/link";
import { AuthorForm } from "@/components/admin/author-form";
import { saveAuthorAction } from "./actions";
import { requireStaffPage } from "@/lib/auth/session";
import { listAuthorsWithCounts } from "@/lib/authors/queries";

export const metadata: Metadata = { title: "Authors" };

export default async function AuthorsPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const { deleted } = await searchParams;
  const { actor } = await requireStaffPage("/admin/authors", "authors:edit");
  const authors = await listAuthorsWithCounts(actor);
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Authors</h1>
      {deleted && (
        <p role="status" className="mb-4 rounded bg-green-100 p-2">
          Author deleted.
        </p>
      )}
      <table className="mb-8 w-full text-left text-sm">
        <thead className="border-b border-ink">
          <tr>
            <th scope="col" className="py-1">
              Name
            </th>
            <th scope="col">Slug</th>
            <th scope="col">Articles</th>
          </tr>
        </thead>
        <tbody>
          {authors.map((a) => (
            <tr key={a.id} className="border-b border-rule">
              <td className="py-1">
                <Link href={`/admin/authors/${a.id}`} className="underline">
                  {a.name}
                </Link>
              </td>
              <td>{a.slug}</td>
              <td>{a._count.bylines}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="mb-2 font-serif text-xl font-bold">New author</h2>
      <AuthorForm save={saveAuthorAction} />
    </>
  );
}
