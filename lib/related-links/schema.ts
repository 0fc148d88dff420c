import { z } from "zod";

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
    if (v.targetArticleId && v.url) ctx.addIssue({ code: "custom", path: ["url"], message: "A link goes to an article or to a URL, not both." });
    if (v.url) {
      let ok = false;
      try {
        const parsed = new URL(v.url);
        ok = (parsed.protocol === "http:" || parsed.protocol === "https:") && !!parsed.hostname;
      } catch {}
      if (!ok) ctx.addIssue({ code: "custom", path: ["url"], message: "Enter a full http:// or https:// address." });
      if (!v.label) ctx.addIssue({ code: "custom", path: ["label"], message: "Enter a label for the external link." });
    }
  });

export const linkLabelSchema = z.object({ linkId: z.string().min(1), label });
export const attachTargetSchema = z.object({ linkId: z.string().min(1), targetArticleId: z.string().min(1) });
export const moveLinkSchema = z.object({ linkId: z.string().min(1), direction: z.enum(["up", "down"]) });
export const reorderLinksSchema = z.object({ articleId: z.string().min(1), order: z.string().transform((s) => s.split(",").filter(Boolean)) });
export const relatedEnabledSchema = z.object({ articleId: z.string().min(1), enabled: z.enum(["true", "false"]).transform((v) => v === "true") });
