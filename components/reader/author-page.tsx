import type { ReaderAuthor } from "@/lib/articles/reader";
import { Pagination } from "@/components/ui/pagination";
import { ArticleList } from "./article-list";

export function AuthorPage({ author }: { author: ReaderAuthor }) {
  const base = `/authors/${author.slug}`;
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">
        {author.name}
        {author.page > 1 && <span className="text-muted">, page {author.page}</span>}
      </h1>
      {author.bio && <p className="mt-2 text-muted">{author.bio}</p>}
      <h2 className="mt-6 text-sm font-semibold uppercase tracking-wide text-muted">Articles</h2>
      <ArticleList articles={author.articles} headingLevel={3} />
      <Pagination
        page={author.page}
        pages={author.pages}
        hrefFor={(n) => (n === 1 ? base : `${base}/page/${n}`)}
        labels={["Newer", "Older"]}
      />
    </>
  );
}
