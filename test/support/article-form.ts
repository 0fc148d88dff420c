import { emptyArticle } from "@/lib/articles/form";

/** What the article form sends for a new, empty draft (its fields as strings): tests spread their own over it. */
export const blankArticleForm: Record<string, string> = {
  ...Object.fromEntries(
    Object.entries(emptyArticle)
      .filter(([, value]) => value !== null)
      .map(([field, value]) => [field, Array.isArray(value) ? "" : String(value)]),
  ),
  intent: "save",
};
