import type { Metadata } from "next";
import { ArticleList } from "@/components/reader/article-list";
import { Pagination } from "@/components/ui/pagination";
import { searchPublishedArticles } from "@/lib/articles/reader";
import { parsePageNumber } from "@/lib/pagination";

export const metadata: Metadata = { title: "Search", description: "Search the archive.", robots: { index: false } };

const MAX_QUERY = 2000;

type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> };

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const q = (Array.isArray(params.q) ? params.q[0] : (params.q ?? "")).slice(0, MAX_QUERY).trim();
  const page = parsePageNumber(params.page) ?? 1;
  const found = q ? await searchPublishedArticles(q, page) : null;
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Search</h1>
      <form role="search" action="/search" method="get" className="mt-4 flex gap-2">
        <label htmlFor="q" className="sr-only">
          Search articles
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={MAX_QUERY}
          className="min-w-0 flex-1 rounded border border-muted px-3 py-2"
        />
        <button type="submit" className="rounded bg-accent px-4 py-2 font-semibold text-accent-ink">
          Search
        </button>
      </form>
      {found && (
        <section aria-labelledby="results-heading" className="mt-6">
          <h2 id="results-heading" className="text-sm text-muted" aria-live="polite">
            {found.total === 0 ? `No results for “${q}”` : `${found.total} result${found.total === 1 ? "" : "s"} for “${q}”`}
          </h2>
          <ArticleList articles={found.results} headingLevel={3} />
          <Pagination page={page} pages={found.pages} hrefFor={(n) => `/search?q=${encodeURIComponent(q)}&page=${n}`} />
        </section>
      )}
    </>
  );
}
