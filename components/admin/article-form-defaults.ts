import type { EditorArticle } from "@/lib/articles/queries";
import type { ArticleFormDefaults } from "./article-form";
import { datetimeLocalValue } from "./utc";

export const emptyArticle: ArticleFormDefaults = {
  version: 0,
  headline: "",
  slug: "",
  standfirst: "",
  body: "",
  caption: "",
  dateline: "",
  source: "",
  status: "DRAFT",
  publishedAt: "",
  authors: [],
};

export function defaultsOf(article: EditorArticle): ArticleFormDefaults {
  return {
    id: article.id,
    version: article.version,
    headline: article.headline,
    slug: article.slug,
    standfirst: article.standfirst,
    body: article.body,
    caption: article.caption,
    dateline: article.dateline,
    source: article.source,
    status: article.status,
    publishedAt: datetimeLocalValue(article.publishedAt),
    authors: article.bylines.map((b) => ({ id: b.author.id, name: b.author.name })),
  };
}
