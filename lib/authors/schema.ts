import { z } from "zod";
import { SLUG_PATTERN } from "@/lib/articles/schema";
import { slugify } from "@/lib/text";

export const authorFormSchema = z.object({
  /** The author this form edits; empty for a new one. */
  id: z.string().max(100).default(""),
  name: z.string().trim().min(1, "Enter a name.").max(200, "The name can be at most 200 characters."),
  slug: z
    .string()
    .trim()
    .max(120)
    .refine((s) => s === "" || SLUG_PATTERN.test(s), "Use lower-case letters, digits and single hyphens."),
  bio: z.string().trim().max(5000, "The bio can be at most 5,000 characters.").default(""),
});
export type AuthorForm = z.output<typeof authorFormSchema>;

/** An author's slug from their name (or "author" when the name has no letters or digits to use). */
export function authorSlug(name: string): string {
  return slugify(name) || "author";
}

/** What the byline picker asks as the editor types (GET /admin/authors/search?q=…&offset=…). */
export const authorSearchSchema = z.object({
  q: z.string().max(200).default(""),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
