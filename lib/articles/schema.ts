import { z } from "zod";

/**
 * The article form's one schema: the editor's browser validates with it for instant feedback,
 * and the Server Action validates the same fields again. Publish times are UTC
 * ("YYYY-MM-DDTHH:mm", what <input type="datetime-local"> sends), labelled so in the form.
 */
export const STATUSES = ["DRAFT", "SCHEDULED", "PUBLISHED", "ARCHIVED"] as const;
export type ArticleStatus = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<ArticleStatus, string> = {
  DRAFT: "Draft",
  SCHEDULED: "Scheduled",
  PUBLISHED: "Published",
  ARCHIVED: "Archived",
};
export const INTENTS = ["save", "publish", "unpublish", "archive"] as const;

const text = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label} can be at most ${max.toLocaleString("en")} characters.`)
    // Control characters other than tab and newline are never meant: drop them.
    .transform((s) =>
      s
        .replace(/\r\n?/g, "\n")
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
        .trim(),
    );

export const SLUG_PATTERN = /^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u;

export const articleFormSchema = z
  .object({
    headline: text(300, "The headline").pipe(z.string().min(1, "Enter a headline.")),
    slug: text(120, "The slug").refine((s) => s === "" || SLUG_PATTERN.test(s), "Use lower-case letters, digits and single hyphens."),
    standfirst: text(1000, "The standfirst"),
    body: text(200_000, "The body"),
    caption: text(500, "The caption"),
    dateline: text(100, "The dateline"),
    source: text(200, "The source"),
    /** Ordered author ids; "new:Name" creates that author on save. */
    authors: z
      .string()
      .default("")
      .transform((s) =>
        s
          .split("\n")
          .map((a) => a.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().max(200)).max(20, "At most 20 authors.")),
    status: z.enum(STATUSES, "Choose a status."),
    publishedAt: z
      .string()
      .default("")
      .refine((s) => s === "" || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(s), "Enter a date and time.")
      .transform((s) => (s ? new Date(`${s}Z`) : null))
      .refine((d) => d === null || !Number.isNaN(d.getTime()), "Enter a real date and time."),
    /** The library image at the top of the story; empty for none. */
    leadImageId: z
      .string()
      .max(100)
      .default("")
      .transform((s) => s.trim() || null),
    /** The article this form edits; empty for a new one. */
    id: z.string().max(100).default(""),
    /** The version this edit was based on (0 for a new article). */
    version: z.coerce.number().int().min(0),
    intent: z.enum(INTENTS).default("save"),
  })
  .superRefine((value, ctx) => {
    if (value.intent === "save" && value.status === "DRAFT" && value.publishedAt && value.publishedAt > new Date()) {
      // A future time on a draft publishes nothing: say so rather than save what looks scheduled.
      ctx.addIssue({
        code: "custom",
        path: ["publishedAt"],
        message: "A draft is not published at this time. Choose the status Scheduled to publish then, or clear the time.",
      });
    }
    if (value.intent === "save" && value.status === "SCHEDULED" && (!value.publishedAt || value.publishedAt <= new Date())) {
      ctx.addIssue({ code: "custom", path: ["publishedAt"], message: "Choose a future time to schedule, or publish now." });
    }
    const publishing =
      value.intent === "publish" || (value.intent === "save" && (value.status === "PUBLISHED" || value.status === "SCHEDULED"));
    if (publishing && value.body === "") {
      ctx.addIssue({ code: "custom", path: ["body"], message: "Write a body before publishing." });
    }
  });

export type ArticleFormInput = z.input<typeof articleFormSchema>;
export type ArticleForm = z.output<typeof articleFormSchema>;

/** What the form's buttons mean for status and publish time. Pure: the conflict and workflow tests use it. */
export function applyIntent(form: ArticleForm, now: Date): { status: ArticleStatus; publishedAt: Date | null } {
  switch (form.intent) {
    case "publish":
      return { status: "PUBLISHED", publishedAt: form.publishedAt && form.publishedAt <= now ? form.publishedAt : now };
    case "unpublish":
      return { status: "DRAFT", publishedAt: form.publishedAt };
    case "archive":
      return { status: "ARCHIVED", publishedAt: form.publishedAt };
    case "save":
      if (form.status === "PUBLISHED" && form.publishedAt && form.publishedAt > now)
        return { status: "SCHEDULED", publishedAt: form.publishedAt };
      if (form.status === "PUBLISHED") return { status: "PUBLISHED", publishedAt: form.publishedAt ?? now };
      return { status: form.status, publishedAt: form.publishedAt };
  }
}

/** The optimistic-concurrency rule: a save based on an older version than the stored one is a conflict. */
export function isConflict(baseVersion: number, storedVersion: number): boolean {
  return baseVersion !== storedVersion;
}

/** "Restore revision N" as its form sends it: the article, the revision, and the version on screen. */
export const restoreRevisionSchema = z.object({
  id: z.string().min(1).max(100),
  revision: z.coerce.number().int().min(1),
  version: z.coerce.number().int().min(1),
});
