import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/admin/action-button";
import { ArticleEditor } from "@/components/admin/article-editor";
import { getDraft } from "@/lib/drafts/queries";
import { defaultsOf } from "@/lib/articles/form";
import { StatusBadge } from "@/components/admin/status-badge";
import { utc } from "@/lib/dates";
import { secondaryButtonClass } from "@/components/ui/field";
import { getArticleForEditor } from "@/lib/articles/queries";
import { ArticleTabs } from "@/components/admin/article-tabs";
import { effectiveStatus, SAVE_OUTCOMES, type SaveOutcome } from "@/lib/articles/policy";
import { requireStaffPage } from "@/lib/auth/session";
import { autosaveDraftAction, discardDraftAction, saveArticleAction, trashArticleAction } from "../actions";

export const metadata: Metadata = { title: "Edit article" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

/**
 * What a save did, in the editor's words, with the way to the live page when there is one:
 * "Published — view live", "Updated — live now", "Scheduled for 2026-12-01 06:00 UTC".
 */
function savedNotice(outcome: string | undefined, version: number, article: { slug: string; publishedAt: Date | null }) {
  const live = (
    <Link href={`/articles/${article.slug}`} className="font-semibold underline">
      view live
    </Link>
  );
  const done: Record<SaveOutcome, React.ReactNode> = {
    published: <>Published — {live}.</>,
    updated: <>Updated — live now: {live}.</>,
    scheduled: <>Scheduled for {utc(article.publishedAt)}: readers see it then.</>,
    unpublished: <>Unpublished: readers no longer see it.</>,
    archived: <>Archived: readers no longer see it.</>,
    draft: <>Saved as a draft.</>,
  };
  const said = SAVE_OUTCOMES.includes(outcome as SaveOutcome) ? done[outcome as SaveOutcome] : <>Saved.</>;
  return (
    <>
      {said} Version {version}.
    </>
  );
}

export default async function EditArticlePage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const { actor, user } = await requireStaffPage(`/admin/articles/${id}`);
  const article = await getArticleForEditor(actor, id);
  if (!article) notFound();
  const status = effectiveStatus(article.status, article.publishedAt, new Date());
  const notice = query.saved
    ? savedNotice(query.outcome, Number(query.saved), article)
    : query.restored
      ? `Restored revision ${query.restored} as a new version.`
      : query.untrashed
        ? "Restored from the trash."
        : null;
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-serif text-3xl font-bold">Edit article</h1>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <StatusBadge status={status} />
          <span>Version {article.version}</span>
          <Link href={`/admin/articles/${article.id}/preview`} className={secondaryButtonClass}>
            Preview saved version
          </Link>
          {status === "PUBLISHED" && (
            <Link href={`/articles/${article.slug}`} className={secondaryButtonClass}>
              View live
            </Link>
          )}
          <ActionButton
            action={trashArticleAction}
            fields={{ id: article.id }}
            label="Move to trash"
            className={secondaryButtonClass}
            confirm="Move this article to the trash?"
          />
        </div>
      </div>
      <ArticleTabs article={article} current="write" />
      {notice && (
        <p role="status" className="mb-4 rounded bg-green-100 p-2 text-green-900" data-testid="notice">
          {notice}
        </p>
      )}
      <ArticleEditor
        key={article.version}
        defaults={defaultsOf(article)}
        userId={user.id}
        serverDraft={await getDraft(actor, article.id)}
        save={saveArticleAction}
        autosave={autosaveDraftAction}
        discard={discardDraftAction}
      />
    </>
  );
}
