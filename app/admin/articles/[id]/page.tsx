import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/admin/action-button";
import { ArticleEditor } from "@/components/admin/article-editor";
import { getDraft } from "@/lib/drafts/queries";
import { defaultsOf } from "@/lib/articles/form";
import { ArticleSaveProvider, SavedStatus, ViewLiveLink } from "@/components/admin/article-save";
import { secondaryButtonClass } from "@/components/ui/field";
import { getArticleForEditor } from "@/lib/articles/queries";
import { ArticleTabs } from "@/components/admin/article-tabs";
import { effectiveStatus } from "@/lib/articles/policy";
import { SaveNotice } from "@/components/admin/save-notice";
import { requireStaffPage } from "@/lib/auth/session";
import { autosaveDraftAction, discardDraftAction, saveArticleAction, trashArticleAction } from "../actions";

export const metadata: Metadata = { title: "Edit article" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export default async function EditArticlePage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const { actor, user } = await requireStaffPage(`/admin/articles/${id}`);
  const article = await getArticleForEditor(actor, id);
  if (!article) notFound();
  const status = effectiveStatus(article.status, article.publishedAt, new Date());
  // What the last step did, when it came here by address: a new article's first save, a restore.
  // Later saves stay on this page and the editor says what they did.
  const notice = query.saved ? (
    <SaveNotice outcome={query.outcome} version={Number(query.saved)} slug={article.slug} publishedAt={article.publishedAt} />
  ) : query.restored ? (
    `Restored revision ${query.restored} as a new version.`
  ) : query.untrashed ? (
    "Restored from the trash."
  ) : null;
  return (
    <ArticleSaveProvider
      articleId={article.id}
      opened={{ version: article.version, slug: article.slug, shownStatus: status }}
      save={saveArticleAction}
    >
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-serif text-3xl font-bold">Edit article</h1>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <SavedStatus />
          <Link href={`/admin/articles/${article.id}/preview`} className={secondaryButtonClass}>
            Preview saved version
          </Link>
          <ViewLiveLink className={secondaryButtonClass} />
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
      <ArticleEditor
        notice={notice}
        defaults={defaultsOf(article)}
        userId={user.id}
        serverDraft={await getDraft(actor, article.id)}
        autosave={autosaveDraftAction}
        discard={discardDraftAction}
      />
    </ArticleSaveProvider>
  );
}
