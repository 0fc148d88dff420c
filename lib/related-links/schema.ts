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
export const relatedEnabledSchema = z.object({
  articleId: z.string().min(1),
  enabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});
