import type { Metadata } from "next";
import { ArticleForm } from "@/components/admin/article-form";
import { saveArticleAction } from "../actions";
import { emptyArticle } from "@/lib/articles/form";
import { requireStaffPage } from "@/lib/auth/session";
import { listAuthorsForPicker } from "@/lib/authors/queries";

export const metadata: Metadata = { title: "New article" };

export default async function NewArticlePage() {
  const { actor } = await requireStaffPage("/admin/articles/new", "articles:edit");
  const authors = await listAuthorsForPicker(actor);
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">New article</h1>
      <ArticleForm defaults={emptyArticle} allAuthors={authors} save={saveArticleAction} />
    </>
  );
}
