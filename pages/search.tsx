import type { GetServerSideProps } from "next";
import { ArticleList } from "@/components/reader/article-list";
import { ReaderPage } from "@/components/reader/reader-page";
import { Pagination } from "@/components/ui/pagination";
import { searchForReaders, type ArticleSummary } from "@/lib/articles/reader";
import { DATA_TAGS_HEADER, dataTagsHeader, READER_CACHE_CONTROL } from "@/lib/cache-settings.js";
import { parsePageNumber } from "@/lib/pagination";
import { READER_TAG } from "@/lib/reader-tags";
import type { Site } from "@/lib/site";
import { siteForReaders } from "@/lib/site-settings/reader";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

const MAX_QUERY = 2000;

type Props = {
  site: Site;
  q: string;
  page: number;
  found: { results: ArticleSummary[]; total: number; more: boolean; pages: number } | null;
};

/**
 * Search is per request (lib/articles/reader.ts keeps a query's results for a second): a plain GET
 * form, results below it. Like every reader page, shared caches may keep an answer for its second:
 * the same for everyone, and every change purges Byline's own (lib/response-cache.mjs).
 */
export const getServerSideProps: GetServerSideProps<Props> = async ({ query, res }) => {
  res.setHeader("Cache-Control", READER_CACHE_CONTROL);
  // Results are kept for a second once found (searchForReaders): purging this answer at every edit
  // to a story's text would only render the same results again. A change to what lists show does.
  res.setHeader(DATA_TAGS_HEADER, dataTagsHeader([READER_TAG]));
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const q = (first(query.q) ?? "").slice(0, MAX_QUERY).trim();
  const page = parsePageNumber(first(query.page)) ?? 1;
  const [found, site] = await Promise.all([q ? searchForReaders(q, page) : null, siteForReaders.uncached()]);
  return { props: { q, page, found, site } };
};

export default function SearchPage({ q, page, found }: Props) {
  return (
    <ReaderPage meta={{ title: "Search", description: "Search the archive.", noindex: true }}>
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
          <h2 id="results-heading" className="text-sm text-muted">
            {found.total === 0
              ? `No results for “${q}”`
              : `${found.total.toLocaleString("en")}${found.more ? "+" : ""} result${found.total === 1 ? "" : "s"} for “${q}”`}
          </h2>
          <ArticleList articles={found.results} headingLevel={3} />
          <Pagination page={page} pages={found.pages} hrefFor={(n) => `/search?q=${encodeURIComponent(q)}&page=${n}`} />
        </section>
      )}
    </ReaderPage>
  );
}
