import type { ArticleSummary } from "@/lib/articles/reader";
import { ArticleList } from "./article-list";
import { Pagination } from "@/components/ui/pagination";

export function FrontPage({ page, pages, articles }: { page: number; pages: number; articles: ArticleSummary[] }) {
  return (
    <>
      <h1 className="mb-2 font-serif text-3xl font-bold">{page === 1 ? "Latest news" : `Latest news, page ${page}`}</h1>
      {articles.length === 0 ? <p>No articles yet.</p> : <ArticleList articles={articles} />}
      <Pagination page={page} pages={pages} hrefFor={(n) => (n === 1 ? "/" : `/page/${n}`)} labels={["Newer", "Older"]} />
    </>
  );
}
