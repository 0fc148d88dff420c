// GET /api/articles?page=N — published articles, newest first, 20 a page.
import { listPublishedArticles } from "@/lib/articles/reader";
import { parsePageNumber } from "@/lib/pagination";
import { jsonForReaders } from "@/lib/cache";

export async function GET(request: Request) {
  const page = parsePageNumber(new URL(request.url).searchParams.get("page") ?? "1");
  if (page === null) return jsonForReaders(request, { error: "page must be a positive whole number" }, { status: 400 });
  const { articles, pages } = await listPublishedArticles(page);
  return jsonForReaders(request, {
    page,
    pages,
    articles: articles.map((a) => ({ ...a, url: `/articles/${a.slug}` })),
  });
}
