import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/admin/action-button";
import { AuthorForm } from "@/components/admin/author-form";
import { secondaryButtonClass } from "@/components/ui/field";
import { requireStaffPage } from "@/lib/auth/session";
import { getAuthorForEditor } from "@/lib/authors/queries";
import { deleteAuthorAction, saveAuthorAction } from "../actions";

export const metadata: Metadata = { title: "Edit author" };

export default async function EditAuthorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor } = await requireStaffPage(`/admin/authors/${id}`, "authors:edit");
  const author = await getAuthorForEditor(actor, id);
  if (!author) notFound();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/authors" className="underline">
          ← All authors
        </Link>
      </p>
      <h1 className="mb-4 font-serif text-3xl font-bold">{author.name}</h1>
      <AuthorForm author={author} save={saveAuthorAction} />
      <div className="mt-6">
        <ActionButton
          action={deleteAuthorAction}
          fields={{ id }}
          label="Delete author"
          className={secondaryButtonClass}
          confirm="Delete this author?"
        />
      </div>
    </>
  );
}
