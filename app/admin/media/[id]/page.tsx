import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/admin/action-button";
import { ImageForm } from "@/components/admin/image-form";
import { MediaUpload } from "@/components/admin/media-upload";
import { secondaryButtonClass } from "@/components/ui/field";
import { requireStaffPage } from "@/lib/auth/session";
import { getImageForEditor } from "@/lib/media/queries";
import { displayName } from "@/lib/users/schema";
import { deleteImageAction, saveImageAction } from "../actions";

export const metadata: Metadata = { title: "Picture" };

export default async function ImagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor } = await requireStaffPage(`/admin/media/${id}`, "media:edit");
  const image = await getImageForEditor(actor, id);
  if (!image) notFound();
  const uses = image.leadOf.length + image.inBody.length;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/media" className="underline">
          ← Media
        </Link>
      </p>
      <h1 className="mb-1 font-serif text-3xl font-bold">{image.originalName || "Picture"}</h1>
      <p className="mb-4 text-sm text-muted">
        {image.width} × {image.height} {image.format.toUpperCase()}, {(image.bytes / 1024 / 1024).toFixed(1)} MB · uploaded{" "}
        {image.createdAt.toISOString().slice(0, 10)}
        {image.uploadedBy && ` by ${displayName(image.uploadedBy)}`}
      </p>
      <ImageForm image={image} save={saveImageAction} />
      <section aria-labelledby="replace-heading" className="mt-8">
        <h2 id="replace-heading" className="mb-2 font-serif text-xl font-bold">
          Replace the file
        </h2>
        <MediaUpload replaceId={image.id} compact />
      </section>
      <section aria-labelledby="uses-heading" className="mt-8">
        <h2 id="uses-heading" className="font-serif text-xl font-bold">
          {uses === 0 ? "Not used in any article" : `Used in ${uses} article${uses === 1 ? "" : "s"}`}
        </h2>
        <ul className="mt-2 list-disc pl-5">
          {[...image.leadOf.map((a) => ({ ...a, how: "lead picture" })), ...image.inBody.map((a) => ({ ...a, how: "in the text" }))].map(
            (article) => (
              <li key={`${article.id}-${article.how}`}>
                <Link href={`/admin/articles/${article.id}`} className="underline">
                  {article.headline}
                </Link>
                {` (${article.how}${article.deletedAt ? ", in the trash" : ""})`}
              </li>
            ),
          )}
        </ul>
        <div className="mt-4">
          {uses === 0 ? (
            <ActionButton
              action={deleteImageAction}
              fields={{ id }}
              label="Delete picture"
              className={secondaryButtonClass}
              confirm="Delete this picture for good?"
            />
          ) : (
            <p className="text-sm text-muted">A picture in use cannot be deleted: choose another picture in those articles first.</p>
          )}
        </div>
      </section>
    </>
  );
}
