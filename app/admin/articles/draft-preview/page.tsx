import type { Metadata } from "next";
import { ArticleView } from "@/components/reader/article-view";
import { libraryImagesIn, readerArticleOf } from "@/lib/articles/reader";
import { requireStaffPage } from "@/lib/auth/session";
import { getDraft } from "@/lib/drafts/queries";

export const metadata: Metadata = { title: "Preview of unsaved text", robots: { index: false } };

type Props = { searchParams: Promise<{ article?: string }> };

/** The editor's unsaved text (their autosaved draft) in the reader layout, before any save. */
export default async function DraftPreviewPage({ searchParams }: Props) {
  const { article = "new" } = await searchParams;
  const articleId = article === "new" ? null : article.slice(0, 100);
  const { actor } = await requireStaffPage(
    `/admin/articles/draft-preview?article=${encodeURIComponent(article.slice(0, 100))}`,
    "articles:edit",
  );
  const draft = await getDraft(actor, articleId);
  if (!draft) {
    return (
      <p role="status" className="rounded bg-amber-100 p-3 text-amber-900">
        There is no unsaved text to preview: it has been saved (use the article&apos;s own Preview) or discarded.
      </p>
    );
  }
  const { fields } = draft;
  return (
    <div className="mx-auto max-w-3xl">
      <p role="note" className="mb-6 rounded bg-amber-100 p-2 text-sm text-amber-900">
        Preview of your unsaved text, as of {new Date(draft.savedAt).toUTCString()} — not saved, not public.
      </p>
      <ArticleView
        article={readerArticleOf(
          {
            ...fields,
            headline: fields.headline || "(no headline yet)",
            id: articleId ?? "new",
            publishedAt: publishTimeOf(fields.publishedAt),
            modifiedAt: null,
            authors: draft.authors.map((a) => ({ name: a.name, slug: "" })),
            image: draft.leadImage,
          },
          { images: await libraryImagesIn(fields.body) },
        )}
      />
    </div>
  );
}

/** The form's UTC publish time ("YYYY-MM-DDTHH:mm"), or now when there is none yet. */
function publishTimeOf(value: string): string {
  const time = new Date(`${value.slice(0, 16)}:00Z`);
  return Number.isNaN(time.getTime()) ? new Date().toISOString() : time.toISOString();
}
