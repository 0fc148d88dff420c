import type { Metadata } from "next";
import { ArticleForm } from "@/components/admin/article-form";
import { emptyArticle } from "@/components/admin/article-form-defaults";
import { listAuthorsForPicker } from "@/lib/articles/admin";

export const metadata: Metadata = { title: "New article" };

export default async function NewArticlePage() {
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">New article</h1>
      <ArticleForm defaults={emptyArticle} allAuthors={await listAuthorsForPicker()} />
    </>
  );
}
