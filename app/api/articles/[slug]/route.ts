// GET /api/articles/:slug — one published article (body as Markdown-rendered HTML); old slugs answer 301.
import { getPublishedArticle } from "@/lib/articles/reader";
import { jsonForReaders, READER_TAG } from "@/lib/cache";
import { articleDataTag } from "@/lib/reader-tags";
import { decodePathSegment } from "@/lib/text";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const slug = decodePathSegment((await params).slug);
  const found = slug === null ? null : await getPublishedArticle(slug);
  if (!found) return jsonForReaders(request, { error: "not found" }, { status: 404 });
  if ("redirectTo" in found) return Response.redirect(new URL(`/api/articles/${found.redirectTo}`, request.url), 301);
  const { id: _id, summary: _summary, ...article } = found.article;
  return jsonForReaders(
    request,
    { ...article, url: `/articles/${article.slug}` },
    { dataTags: [READER_TAG, articleDataTag(article.slug)] },
  );
}
