import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ArticleStatus } from "@/generated/sqlite/client";
import { snapshotOf } from "@/lib/articles/snapshot";
import { authorSlug } from "@/lib/authors/schema";
import { changes } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/db";
import { addToLibrary } from "@/lib/media/library";
import { resolveRelatedLinks } from "@/lib/related-links/resolve";
import { headlineKey, slugify } from "@/lib/text";
import { allocateSlugs, ensureAuthors, recordImports, writeArticleParts } from "./import";

/**
 * A story from another system (a Ghost or WordPress export, a news agency's feed), in Byline's
 * terms, ready to write. The importers (lib/import/ghost.ts, wxr.ts, feeds.ts) make these; this
 * file writes them, the same way for all.
 */
export type ArchiveStory = {
  /** Unique per origin and stable across exports: what makes a second run find the first one's article. */
  externalId: string;
  /** sha256 of the origin's version: a changed wire item is recognised and updates its story. */
  fingerprint: string;
  headline: string;
  /** The slug the story had, kept when free here. */
  slug: string;
  standfirst: string;
  /** Markdown; library pictures are named by the address they had in the origin until stored. */
  body: string;
  source: string;
  dateline: string;
  status: Extract<ArticleStatus, "DRAFT" | "SCHEDULED" | "PUBLISHED">;
  publishedAt: Date | null;
  modifiedAt: Date | null;
  createdAt: Date | null;
  authors: { name: string; bio?: string }[];
  tags: string[];
  /** The story's picture: its address in the origin and, when found in the media folder, its file. */
  leadImage: ArchiveImage | null;
  /** Pictures in the body, by the address the body names them with. */
  bodyImages: ArchiveImage[];
  /** Paths the story had on the old site ("/2019/05/a-story"), answered with a 301 here. */
  legacyPaths: string[];
  related: string[];
  /** What could not be kept as it was, one line each, printed in the summary. */
  warnings: string[];
};

export type ArchiveImage = {
  src: string;
  file: string | null;
  alt: string;
  caption: string;
  credit?: string;
  /** Set once the file is in the library. */
  libraryId?: string;
};

/** An entry of an export that is not imported, with the reason, for the summary. */
export type SkippedEntry = { skipped: string; reason: string };

export type WriteOutcome =
  | { status: "imported" | "updated"; story: ArchiveStory; slug: string }
  | { status: "unchanged"; story: ArchiveStory; slug: string; note?: string }
  | { status: "failed"; story: ArchiveStory; reason: string };

export type WriteOptions = {
  dryRun: boolean;
  /** Wire copy is replaced by newer versions; archives, once imported, belong to the newsroom. */
  updateChanged: boolean;
  /** Who the audit log names. */
  auditLabel: string;
};

/**
 * Writes a batch of stories: those already imported are unchanged (or, with `updateChanged`,
 * updated when their fingerprint changed); the others are created in one transaction with their
 * bylines, tags, first revision, legacy addresses and related links resolved both ways. If the
 * transaction fails, the batch is retried story by story, so one bad story costs only itself.
 */
export async function writeStories(db: Db, stories: ArchiveStory[], options: WriteOptions): Promise<WriteOutcome[]> {
  const known = new Map(
    (
      await db.article.findMany({
        where: { externalId: { in: stories.map((s) => s.externalId) } },
        select: { id: true, slug: true, externalId: true, externalHash: true, deletedAt: true },
      })
    ).map((a) => [a.externalId!, a]),
  );
  const outcomes = new Map<ArchiveStory, WriteOutcome>();
  const fresh: ArchiveStory[] = [];
  const seen = new Set<string>();
  for (const story of stories) {
    const existing = known.get(story.externalId);
    if (seen.has(story.externalId)) outcomes.set(story, { status: "unchanged", story, slug: existing?.slug ?? story.slug });
    else if (!existing) fresh.push(story);
    else if (options.updateChanged && existing.externalHash !== story.fingerprint && !existing.deletedAt) {
      outcomes.set(
        story,
        options.dryRun ? { status: "updated", story, slug: existing.slug } : await updateStory(db, existing.id, story, options),
      );
    } else outcomes.set(story, { status: "unchanged", story, slug: existing.slug });
    seen.add(story.externalId);
  }
  if (options.dryRun) {
    for (const story of fresh) outcomes.set(story, { status: "imported", story, slug: slugify(story.slug) || slugify(story.headline) });
  } else if (fresh.length > 0) {
    for (const story of fresh) await storePictures(story);
    try {
      const created = await db.$transaction((tx) => createStories(tx, fresh, options), { timeout: 120_000 });
      for (const story of fresh) outcomes.set(story, { status: "imported", story, slug: created.get(story.externalId)! });
    } catch (error) {
      if (fresh.length === 1) {
        outcomes.set(fresh[0], { status: "failed", story: fresh[0], reason: lastLine(error) });
      } else {
        for (const story of fresh) {
          const [one] = await writeStories(db, [story], options);
          outcomes.set(story, one);
        }
      }
    }
  }
  return stories.map((s) => outcomes.get(s)!);
}

const lastLine = (error: unknown) =>
  ((error as Error).message ?? String(error))
    .split("\n")
    .filter((line) => line.trim())
    .pop() ?? "unknown error";

/**
 * Puts the story's pictures found in the media folder into the library and points the body and
 * the lead picture at them. A picture not found stays at its old address when that is a web
 * address (with a warning), and is dropped otherwise.
 */
async function storePictures(story: ArchiveStory): Promise<void> {
  const hashes = new Map<string, string>();
  const store = async (image: ArchiveImage): Promise<{ id: string; contentHash: string } | null> => {
    if (!image.file) return null;
    let bytes: Buffer;
    try {
      bytes = await readFile(image.file);
    } catch {
      story.warnings.push(`picture ${image.src}: not found in the media folder`);
      return null;
    }
    const stored = await addToLibrary(
      { name: path.basename(image.file), bytes },
      { uploadedById: null, alt: image.alt, caption: image.caption, credit: image.credit },
    );
    if (!stored.ok) {
      story.warnings.push(`picture ${image.src}: ${stored.message}`);
      return null;
    }
    return stored;
  };
  // The lead picture first: its description (the export's own alt text and caption for the file)
  // is the one the library keeps when the body shows the same picture.
  if (story.leadImage) story.leadImage.libraryId = (await store(story.leadImage))?.id;
  for (const image of story.bodyImages) {
    const stored = await store(image);
    if (stored) hashes.set(image.src, stored.contentHash);
    else if (!/^https?:\/\//i.test(image.src)) story.warnings.push(`picture ${image.src}: dropped, it has no address outside the old site`);
  }
  story.body = story.body.replace(/(!\[[^\]]*\]\()([^)\s]+)([^)]*\))/g, (whole, head: string, src: string, tail: string) => {
    const hash = hashes.get(src);
    if (hash) return `${head}/media/${hash}${tail}`;
    return /^https?:\/\//i.test(src) ? whole : "";
  });
}

function articleFields(story: ArchiveStory, slug: string) {
  return {
    slug,
    headline: story.headline,
    standfirst: story.standfirst,
    body: story.body,
    caption: "",
    dateline: story.dateline,
    source: story.source,
    status: story.status,
    publishedAt: story.publishedAt,
    relatedEnabled: true,
    leadImageId: story.leadImage?.libraryId ?? null,
  };
}

async function createStories(tx: Tx, stories: ArchiveStory[], options: WriteOptions): Promise<Map<string, string>> {
  const authorIds = await ensureAuthors(
    tx,
    stories.flatMap((s) => s.authors),
  );
  const tagIds = await ensureTags(
    tx,
    stories.flatMap((s) => s.tags),
  );
  const slugs = await allocateSlugs(
    tx,
    stories.map((s) => slugify(s.slug) || slugify(s.headline)),
  );
  const rows = stories.map((story, i) => ({
    story,
    fields: articleFields(story, slugs[i]),
    bylineIds: [...new Set(story.authors.map((a) => authorIds.get(authorSlug(a.name))!))],
  }));
  const articles = await tx.article.createManyAndReturn({
    data: rows.map(({ story, fields }) => ({
      ...fields,
      headlineKey: headlineKey(story.headline),
      externalId: story.externalId,
      externalHash: story.fingerprint,
      modifiedAt: story.modifiedAt,
      ...(story.createdAt ? { createdAt: story.createdAt } : {}),
    })),
    select: { id: true, slug: true, headlineKey: true, externalId: true },
  });
  const idOf = new Map(articles.map((a) => [a.externalId!, a.id]));
  const withIds = rows.map((row) => ({ ...row, articleId: idOf.get(row.story.externalId)! }));
  await tx.articleTag.createMany({
    data: withIds.flatMap(({ articleId, story }) =>
      [...new Set(story.tags.map((t) => tagIds.get(slugify(t))!))].map((tagId, position) => ({ articleId, tagId, position })),
    ),
  });
  await writeArticleParts(
    tx,
    withIds.map(({ articleId, bylineIds, story, fields }) => ({ articleId, bylineIds, related: story.related, fields })),
  );
  await createLegacyUrls(tx, withIds);
  await resolveRelatedLinks(tx, articles);
  await recordImports(
    tx,
    options.auditLabel,
    articles.map((a) => ({ articleId: a.id, summary: { slug: a.slug, from: a.externalId } })),
  );
  return new Map(articles.map((a) => [a.externalId!, a.slug]));
}

/** The old addresses of each story, except those another story already answers (first come, first kept). */
async function createLegacyUrls(tx: Tx, rows: { articleId: string; story: ArchiveStory }[]): Promise<void> {
  const wanted = rows.flatMap(({ articleId, story }) => story.legacyPaths.map((p) => ({ path: p, articleId, story })));
  if (wanted.length === 0) return;
  const taken = new Set(
    (await tx.legacyUrl.findMany({ where: { path: { in: wanted.map((w) => w.path) } }, select: { path: true } })).map((l) => l.path),
  );
  const data: { path: string; articleId: string }[] = [];
  for (const { path: legacyPath, articleId, story } of wanted) {
    if (taken.has(legacyPath)) {
      story.warnings.push(`old address ${legacyPath} already leads to another story`);
      continue;
    }
    taken.add(legacyPath);
    data.push({ path: legacyPath, articleId });
  }
  await tx.legacyUrl.createMany({ data });
}

/** Tag ids by slug for the named tags, creating the ones not yet known. */
async function ensureTags(tx: Tx, names: string[]): Promise<Map<string, string>> {
  const bySlug = new Map<string, string>();
  for (const name of names) if (slugify(name) && !bySlug.has(slugify(name))) bySlug.set(slugify(name), name);
  if (bySlug.size === 0) return new Map();
  const known = await tx.tag.findMany({ where: { slug: { in: [...bySlug.keys()] } }, select: { id: true, slug: true } });
  const knownSlugs = new Set(known.map((t) => t.slug));
  const missing = [...bySlug].filter(([slug]) => !knownSlugs.has(slug));
  const created = missing.length
    ? await tx.tag.createManyAndReturn({ data: missing.map(([slug, name]) => ({ slug, name })), select: { id: true, slug: true } })
    : [];
  return new Map([...known, ...created].map((t) => [t.slug, t.id]));
}

/** A newer version of a wire story: its text replaces the stored one as a new revision. */
async function updateStory(db: Db, articleId: string, story: ArchiveStory, options: WriteOptions): Promise<WriteOutcome> {
  await storePictures(story);
  try {
    const slug = await db.$transaction(async (tx) => {
      const current = await tx.article.findUniqueOrThrow({
        where: { id: articleId },
        select: {
          slug: true,
          version: true,
          headline: true,
          body: true,
          status: true,
          bylines: { select: { authorId: true }, orderBy: { position: "asc" } },
        },
      });
      // A draft from the wire that an editor has since published is theirs: the wire's new version is not applied.
      if (current.status !== "DRAFT" && story.status === "DRAFT") return null;
      const fields = articleFields(story, current.slug);
      const version = current.version + 1;
      await tx.article.update({
        where: { id: articleId },
        data: {
          ...fields,
          headlineKey: headlineKey(story.headline),
          externalHash: story.fingerprint,
          version,
          modifiedAt: story.modifiedAt,
        },
      });
      const authorIds = current.bylines.map((b) => b.authorId);
      await tx.revision.create({ data: { articleId, version, snapshot: snapshotOf(fields, authorIds) } });
      await tx.auditEvent.create({
        data: {
          userLabel: options.auditLabel,
          entityType: "article",
          entityId: articleId,
          action: "update",
          summary: JSON.stringify(
            changes({ headline: current.headline, body: current.body }, { headline: fields.headline, body: fields.body }),
          ),
        },
      });
      return current.slug;
    });
    if (slug === null) {
      return {
        status: "unchanged",
        story,
        slug: story.slug,
        note: "a newer version arrived, but an editor has published the story here: left as it is",
      };
    }
    return { status: "updated", story, slug };
  } catch (error) {
    return { status: "failed", story, reason: lastLine(error) };
  }
}
