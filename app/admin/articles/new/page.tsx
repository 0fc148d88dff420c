import type { Metadata } from "next";
import { ArticleEditor } from "@/components/admin/article-editor";
import { ArticleSaveProvider } from "@/components/admin/article-save";
import { emptyArticle } from "@/lib/articles/form";
import { requireStaffPage } from "@/lib/auth/session";
import { getDraft } from "@/lib/drafts/queries";
import { autosaveDraftAction, discardDraftAction, saveArticleAction } from "../actions";

export const metadata: Metadata = { title: "New article" };

export default async function NewArticlePage() {
  const { actor, user } = await requireStaffPage("/admin/articles/new", "articles:edit");
  return (
    <ArticleSaveProvider opened={{ version: 0, slug: "", shownStatus: "DRAFT" }} save={saveArticleAction}>
      <h1 className="mb-4 font-serif text-3xl font-bold">New article</h1>
      <ArticleEditor
        defaults={emptyArticle}
        userId={user.id}
        serverDraft={await getDraft(actor, null)}
        autosave={autosaveDraftAction}
        discard={discardDraftAction}
      />
    </ArticleSaveProvider>
  );
}
