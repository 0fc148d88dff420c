import { z } from "zod";

/** Where an external related story may point: a full http(s) address, nothing a browser would run. */
export function isHttpUrl(value: string): boolean {
  try {
    const parsed = new URL(value);
    return (parsed.protocol === "http:" || parsed.protocol === "https:") && !!parsed.hostname;
  } catch {
    return false;
  }
}
export const HTTP_URL_MESSAGE = "Enter a full http:// or https:// address.";

const label = z.string().trim().min(1, "Enter a label.").max(300, "A label can be at most 300 characters.");

export const addRelatedLinkSchema = z
  .object({
    articleId: z.string().min(1),
    label: z.string().trim().max(300, "A label can be at most 300 characters.").default(""),
    targetArticleId: z.string().trim().default(""),
    url: z.string().trim().max(2000).default(""),
  })
  .superRefine((v, ctx) => {
    if (!v.targetArticleId && !v.url) ctx.addIssue({ code: "custom", path: ["url"], message: "Choose an article or enter a URL." });
    if (v.targetArticleId && v.url)
      ctx.addIssue({ code: "custom", path: ["url"], message: "A link goes to an article or to a URL, not both." });
    if (v.url) {
      if (!isHttpUrl(v.url)) ctx.addIssue({ code: "custom", path: ["url"], message: HTTP_URL_MESSAGE });
      if (!v.label) ctx.addIssue({ code: "custom", path: ["label"], message: "Enter a label for the external link." });
    }
  });

export const linkLabelSchema = z.object({ linkId: z.string().min(1), label });
export const attachTargetSchema = z.object({ linkId: z.string().min(1), targetArticleId: z.string().min(1) });
export const moveLinkSchema = z.object({ linkId: z.string().min(1), direction: z.enum(["up", "down"]) });
export const reorderLinksSchema = z.object({
  articleId: z.string().min(1),
  order: z.string().transform((s) => s.split(",").filter(Boolean)),
});
const recordId = z.string().min(1).max(100);

export const relatedSwitchSchema = z.object({
  articleId: recordId,
  switch: z.enum(["curated", "suggestions"]),
  enabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});
/** An action on all of an article's links at once: remove all unresolved, attach all matches. */
export const articleLinksSchema = z.object({ articleId: recordId });
/** The report's bulk removal: the checked rows, repeated `linkId` fields (joined by commas on the way in). */
export const removeLinksSchema = z.object({
  linkId: z
    .string({ error: "Tick the links to remove." })
    .transform((s) => [...new Set(s.split(",").filter(Boolean))])
    .pipe(z.array(recordId).min(1, "Tick the links to remove.").max(100, "Remove at most 100 links at a time.")),
});

/** What the panel asks as the admin types or opens the unresolved labels (GET, query string). */
export const linkTargetSearchSchema = z.object({ article: recordId, q: z.string().max(200).default("") });
export const unresolvedMatchesSchema = z.object({ article: recordId, link: recordId.optional() });
