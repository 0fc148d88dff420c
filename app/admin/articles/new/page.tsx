import type { Metadata } from "next";
import { ArticleForm } from "@/components/admin/article-form";
import { emptyArticle } from "@/lib/articles/form";
import { requireStaffPage } from "@/lib/auth/session";
import { saveArticleAction } from "../actions";

export const metadata: Metadata = { title: "New article" };

export default async function NewArticlePage() {
  await requireStaffPage("/admin/articles/new", "articles:edit");
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">New article</h1>
      <ArticleForm defaults={emptyArticle} save={saveArticleAction} />
    </>
  );
}
