// GET /api/articles?page=N — published articles, newest first, 20 a page.
import { listPublishedArticles } from "@/lib/articles/reader";
import { jsonWithEtag } from "@/lib/feeds/etag";

export async function GET(request: Request) {
  const pageParam = new URL(request.url).searchParams.get("page") ?? "1";
  if (!/^[1-9]\d{0,5}$/.test(pageParam)) return jsonWithEtag(request, { error: "page must be a positive whole number" }, { status: 400 });
  const page = Number(pageParam);
  const { articles, pages } = await listPublishedArticles(page);
  return jsonWithEtag(request, {
    page,
    pages,
    articles: articles.map((a) => ({ ...a, url: `/articles/${a.slug}` })),
  });
}
