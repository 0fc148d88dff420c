/**
 * Ghost's JSON export (Settings → Labs → Export) as stories to write: posts and pages with their
 * authors in order, tags, feature image, excerpt, times and old address. Pure apart from checking
 * which pictures the media folder holds.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { z } from "zod";
import { squish } from "@/lib/text";
import type { ArchiveImage, ArchiveStory, SkippedEntry } from "./archive";
import { legacyPathOf } from "./legacy-path";
import { exportedMediaFile } from "./media-file";
import { htmlToMarkdown } from "./html-to-markdown";
import { lexicalToHtml } from "./lexical";

const text = z
  .string()
  .nullish()
  .transform((v) => v ?? "");
const when = z
  .string()
  .nullish()
  .transform((v, ctx) => {
    if (!v) return null;
    const date = new Date(v);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: `"${v}" is not a date` });
      return z.NEVER;
    }
    return date;
  });

const postSchema = z.object({
  id: z.string(),
  uuid: z.string().nullish(),
  title: text,
  slug: text,
  html: z.string().nullish(),
  lexical: z.string().nullish(),
  mobiledoc: z.string().nullish(),
  plaintext: z.string().nullish(),
  feature_image: z.string().nullish(),
  type: z.string().default("post"),
  status: z.string(),
  visibility: z.string().default("public"),
  custom_excerpt: text,
  created_at: when,
  updated_at: when,
  published_at: when,
});

const exportSchema = z.object({
  posts: z.array(z.unknown()).default([]),
  posts_meta: z.array(z.object({ post_id: z.string(), feature_image_alt: text, feature_image_caption: text })).default([]),
  users: z.array(z.object({ id: z.string(), name: text, slug: text, bio: text })).default([]),
  posts_authors: z.array(z.object({ post_id: z.string(), author_id: z.string(), sort_order: z.number().default(0) })).default([]),
  tags: z.array(z.object({ id: z.string(), name: text, slug: text, visibility: z.string().default("public") })).default([]),
  posts_tags: z.array(z.object({ post_id: z.string(), tag_id: z.string(), sort_order: z.number().default(0) })).default([]),
});

export type GhostExport = z.output<typeof exportSchema>;

/** The export's data, wherever its version put it; a clear error for a file that is not one. */
export function parseGhostExport(raw: string): GhostExport {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new Error(`This file is not JSON (${(error as Error).message}). Export again from Ghost: Settings → Labs → Export.`);
  }
  const root = json as { db?: { data?: unknown }[]; data?: unknown };
  const data = root?.db?.[0]?.data ?? root?.data;
  if (!data || typeof data !== "object") throw new Error("This is not a Ghost export: it has no db[0].data.");
  const parsed = exportSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`This Ghost export is damaged at data.${issue.path.join(".")}: ${issue.message}`);
  }
  return parsed.data;
}

const STATUSES: Record<string, ArchiveStory["status"]> = { published: "PUBLISHED", scheduled: "SCHEDULED", draft: "DRAFT" };

/** Ghost's own address of a picture ("__GHOST_URL__/content/images/size/w600/2024/01/a.jpg") as a file in the media folder. */
export function ghostMediaFile(src: string, mediaDir: string | null): string | null {
  return exportedMediaFile(src, mediaDir, {
    uploads: /\/content\/images\/(?:size\/w\d+(?:h\d+)?\/)?(?:format\/\w+\/)?(.+)$/,
    layouts: [path.join("content", "images"), "images"],
  });
}

/** The export's posts and pages as stories, in order, with a reason for each one left out. */
export function* ghostStories(data: GhostExport, { mediaDir = null as string | null } = {}): Generator<ArchiveStory | SkippedEntry> {
  const meta = new Map(data.posts_meta.map((m) => [m.post_id, m]));
  const users = new Map(data.users.map((u) => [u.id, u]));
  const tags = new Map(data.tags.map((t) => [t.id, t]));
  const authorsOf = groupSorted(data.posts_authors, (pa) => users.get(pa.author_id));
  const tagsOf = groupSorted(data.posts_tags, (pt) => tags.get(pt.tag_id));

  for (const [index, raw] of data.posts.entries()) {
    const parsed = postSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      yield { skipped: `posts[${index}]`, reason: `${issue.path.join(".")}: ${issue.message}` };
      continue;
    }
    const post = parsed.data;
    const name = `${post.type} "${post.title || post.slug || post.id}"`;
    if (post.type !== "post" && post.type !== "page") {
      yield { skipped: name, reason: `Ghost ${post.type}s are not stories` };
      continue;
    }
    const warnings: string[] = [];
    let status = STATUSES[post.status];
    if (!status) {
      status = "DRAFT";
      warnings.push(`its Ghost status "${post.status}" (${post.status === "sent" ? "sent by email only" : "unknown"}) became a draft`);
    }
    if (post.visibility !== "public" && status !== "DRAFT") {
      warnings.push(`it was for ${post.visibility} readers in Ghost: imported as a draft, not published to everyone`);
      status = "DRAFT";
    }
    if (status === "SCHEDULED" && !post.published_at) {
      warnings.push("scheduled with no time: imported as a draft");
      status = "DRAFT";
    }

    let html = post.html ?? "";
    if (!html && post.lexical) {
      const rendered = lexicalToHtml(post.lexical);
      html = rendered.html;
      warnings.push(...rendered.warnings);
    }
    if (!html && post.mobiledoc) warnings.push("its Mobiledoc content was imported as plain text");
    const converted = html ? htmlToMarkdown(html) : { markdown: (post.plaintext ?? "").trim(), images: [], warnings: [] };
    warnings.push(...converted.warnings);

    const postMeta = meta.get(post.id);
    const image = (src: string, alt: string, caption: string): ArchiveImage => ({ src, file: ghostMediaFile(src, mediaDir), alt, caption });
    const headline = squish(post.title) || "(Untitled)";
    if (!squish(post.title)) warnings.push("it had no title");
    const authors = (authorsOf.get(post.id) ?? []).filter((u) => squish(u.name)).map((u) => ({ name: squish(u.name), bio: u.bio }));
    const publishedAt = status === "DRAFT" ? null : post.published_at;
    yield {
      externalId: `ghost:${post.uuid ?? post.id}`,
      fingerprint: createHash("sha256").update(JSON.stringify(raw)).digest("hex"),
      headline,
      slug: post.slug,
      standfirst: squish(post.custom_excerpt),
      body: converted.markdown,
      source: "",
      dateline: "",
      status,
      publishedAt,
      modifiedAt: publishedAt && post.updated_at && post.updated_at > publishedAt ? post.updated_at : null,
      createdAt: post.created_at,
      authors,
      tags: (tagsOf.get(post.id) ?? []).filter((t) => t.visibility === "public" && squish(t.name)).map((t) => squish(t.name)),
      leadImage: post.feature_image
        ? image(post.feature_image, postMeta?.feature_image_alt ?? "", stripTags(postMeta?.feature_image_caption ?? ""))
        : null,
      bodyImages: converted.images.map((i) => image(i.src, i.alt, i.caption)),
      legacyPaths: post.slug ? [legacyPathOf(`/${post.slug}/`)].filter((p): p is string => p !== null) : [],
      related: [],
      warnings,
    };
  }
}

function groupSorted<J extends { post_id: string; sort_order: number }, T>(
  joins: J[],
  target: (join: J) => T | undefined,
): Map<string, T[]> {
  const byPost = new Map<string, J[]>();
  for (const join of joins) {
    const list = byPost.get(join.post_id);
    if (list) list.push(join);
    else byPost.set(join.post_id, [join]);
  }
  return new Map(
    [...byPost].map(([postId, list]) => [
      postId,
      list
        .sort((a, b) => a.sort_order - b.sort_order)
        .map(target)
        .filter((t): t is T => t !== undefined),
    ]),
  );
}

const stripTags = (html: string) =>
  squish(
    html
      .replace(/<[^>]*>/g, " ")
      .replace(/&nbsp;/g, " ")
      .replace(/&amp;/g, "&"),
  );
