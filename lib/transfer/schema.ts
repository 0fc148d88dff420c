import { z } from "zod";
import { articleFormSchema, SLUG_PATTERN, STATUSES } from "@/lib/articles/schema";
import { ROLES, newUserSchema } from "@/lib/users/schema";
import { authorFormSchema } from "@/lib/authors/schema";
import { HTTP_URL_MESSAGE, isHttpUrl } from "@/lib/related-links/schema";

/**
 * An export file as `import:json` accepts it: every record checked with the rules the workspace
 * forms apply to the same fields, so a file cannot load what an editor could not have typed.
 */
const id = z.string().min(1).max(100);
const isoDate = z.iso.datetime({ offset: true });
const slug = z.string().min(1, "a slug is required").max(120).regex(SLUG_PATTERN, "not a valid slug");
const field = articleFormSchema.shape;
const timestamps = { createdAt: isoDate, updatedAt: isoDate };

const user = z.object({
  id,
  email: newUserSchema.shape.email,
  name: newUserSchema.shape.name,
  role: z.enum(ROLES),
  disabled: z.boolean(),
  ...timestamps,
});

const author = z.object({ id, slug, name: authorFormSchema.shape.name, bio: authorFormSchema.shape.bio, ...timestamps });

const relatedLink = z.object({
  id,
  position: z.number().int().min(0),
  label: z.string().max(1000),
  labelKey: z.string().max(1000),
  targetArticleId: id.nullable(),
  url: z.string().max(2000).refine(isHttpUrl, HTTP_URL_MESSAGE).nullable(),
  ...timestamps,
});

const article = z.object({
  id,
  slug,
  headline: field.headline,
  headlineKey: z.string().max(1000),
  standfirst: field.standfirst,
  body: field.body,
  caption: field.caption,
  dateline: field.dateline,
  source: field.source,
  status: z.enum(STATUSES),
  publishedAt: isoDate.nullable(),
  modifiedAt: isoDate.nullable(),
  deletedAt: isoDate.nullable(),
  relatedEnabled: z.boolean(),
  // Exports written before the suggestions switch existed have suggestions on, as they were.
  suggestionsEnabled: z.boolean().default(true),
  version: z.number().int().min(1),
  importHash: z.string().max(128).nullable(),
  createdById: id.nullable(),
  updatedById: id.nullable(),
  ...timestamps,
  bylines: z.array(z.object({ authorId: id, position: z.number().int().min(0) })).max(20),
  relatedLinks: z.array(relatedLink),
  revisions: z.array(
    z.object({ id, version: z.number().int().min(1), snapshot: z.string().max(1_000_000), userId: id.nullable(), createdAt: isoDate }),
  ),
  slugRedirects: z.array(z.object({ slug, createdAt: isoDate })),
});

export const exportFileSchema = z.object({
  format: z.literal("byline-export"),
  version: z.literal(1),
  users: z.array(user),
  authors: z.array(author),
  articles: z.array(article),
});
export type ExportFileInput = z.input<typeof exportFileSchema>;

/** "articles[3] (slug "x"): headline: Enter a headline." — the first bad record, named so it can be found. */
export function describeFirstProblem(error: z.ZodError, input: unknown): string {
  const issue = error.issues[0];
  const path = issue.path;
  let where = "";
  let node: unknown = input;
  for (const [i, key] of path.entries()) {
    where += typeof key === "number" ? `[${key}]` : `${where ? "." : ""}${String(key)}`;
    node = node && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    const record = node as { slug?: unknown; email?: unknown } | undefined;
    if (typeof key === "number" && i < path.length - 1 && record && typeof record === "object") {
      const name =
        typeof record.slug === "string" ? `slug "${record.slug}"` : typeof record.email === "string" ? `email "${record.email}"` : null;
      if (name) where += ` (${name})`;
    }
  }
  return `${where || "the file"}: ${issue.message}`;
}
