import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";

/** The article form's fields a draft keeps, as typed (nothing is required of a draft). */
export const DRAFT_FIELDS = [
  "headline",
  "slug",
  "standfirst",
  "body",
  "caption",
  "dateline",
  "source",
  "status",
  "publishedAt",
  "authors",
  "leadImageId",
] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];
export type DraftFields = Record<DraftField, string>;

const field = (max: number) => z.string().max(max, "This draft is too long to keep.").default("");

/**
 * What the editor's browser sends a few seconds after they stop typing: the article form itself
 * (its `id` and the `version` it was opened at, then the fields).
 */
export const autosaveSchema = z.object({
  id: z.string().max(100).default(""),
  version: z.coerce.number().int().min(0),
  headline: field(1000),
  slug: field(1000),
  standfirst: field(5000),
  body: field(200_000),
  caption: field(2000),
  dateline: field(1000),
  source: field(1000),
  status: field(20),
  publishedAt: field(40),
  authors: field(5000),
  leadImageId: field(100),
});
export type AutosaveInput = z.output<typeof autosaveSchema>;

/** The key of a draft: the article's id, or "new" for an article not saved yet. */
export const draftKeyOf = (articleId: string | undefined | null) => articleId || "new";

export function draftFieldsOf(input: Partial<Record<string, unknown>>): DraftFields {
  return Object.fromEntries(DRAFT_FIELDS.map((name) => [name, typeof input[name] === "string" ? input[name] : ""])) as DraftFields;
}

export const draftKeySchema = z.object({ draftKey: z.string().min(1).max(100) });

/** What an autosave answers the editor's browser. */
export type AutosaveState = FormState & { savedAt?: string; newerVersion?: number | null };
