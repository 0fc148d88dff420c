// GET /api/articles?page=N — published articles, newest first, 20 a page.
import { listPublishedArticles } from "@/lib/articles/reader";
import { parsePageNumber } from "@/lib/pagination";
import { jsonForReaders, READER_TAG } from "@/lib/cache";

export async function GET(request: Request) {
  const page = parsePageNumber(new URL(request.url).searchParams.get("page") ?? "1");
  if (page === null) return jsonForReaders(request, { error: "page must be a positive whole number" }, { status: 400 });
  const { articles, pages } = await listPublishedArticles(page);
  // What lists show of an article: an edit to a story's text alone leaves it as it was.
  return jsonForReaders(
    request,
    { page, pages, articles: articles.map((a) => ({ ...a, url: `/articles/${a.slug}` })) },
    { dataTags: [READER_TAG] },
  );
}
