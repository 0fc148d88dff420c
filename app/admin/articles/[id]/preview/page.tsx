import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/reader/article-view";
import { getArticleForEditor, getRevision } from "@/lib/articles/queries";
import { requireStaffPage } from "@/lib/auth/session";
import { authorNames } from "@/lib/authors/queries";
import { libraryImagesIn, readerArticleOf } from "@/lib/articles/reader";
import { getImageForEditor } from "@/lib/media/queries";

export const metadata: Metadata = { title: "Preview", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ version?: string }> };

/** Any version of an article in the reader layout; staff only (the queries check the actor). */
export default async function PreviewPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { version } = await searchParams;
  const { actor } = await requireStaffPage(`/admin/articles/${id}/preview`);
  const article = await getArticleForEditor(actor, id);
  if (!article) notFound();
  const revision = version ? await getRevision(actor, id, Number(version)) : null;
  if (version && !revision) notFound();
  const content = revision ? revision.snapshot : { ...article, publishedAt: article.publishedAt?.toISOString() ?? null };
  const imageId = revision ? revision.snapshot.leadImageId : article.leadImage?.id;
  const image = imageId ? await getImageForEditor(actor, imageId) : null;
  const names = revision ? await authorNames(actor, revision.snapshot.authorIds) : null;
  const authors = names
    ? revision!.snapshot.authorIds.map((a) => ({ name: names.get(a) ?? "(deleted author)", slug: "" }))
    : article.bylines.map((b) => ({ name: b.author.name, slug: "" }));
  const images = await libraryImagesIn(content.body);
  return (
    <div className="mx-auto max-w-3xl">
      <p role="note" className="mb-6 rounded bg-amber-100 p-2 text-sm text-amber-900">
        Preview of {revision ? `revision ${revision.version}` : `version ${article.version}`} — not public.
      </p>
      <ArticleView
        article={readerArticleOf(
          {
            ...content,
            id,
            publishedAt: content.publishedAt ?? new Date().toISOString(),
            modifiedAt: null,
            authors,
            image,
          },
          { images },
        )}
      />
    </div>
  );
}
