import "server-only";
import { needsAltText } from "@/lib/media/schema";
import { libraryHashesIn } from "./markdown";
import { imagesByHash } from "@/lib/media/usage";
import { authorSlug } from "@/lib/authors/schema";
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { invalidateReaderPages } from "@/lib/cache";
import type { ReaderChange } from "@/lib/reader-paths";
import { authorized, type StaffUser } from "@/lib/auth/actor";
import { resolveRelatedLinks } from "@/lib/related-links/resolve";
import { headlineKey, slugify } from "@/lib/text";
import { applyIntent, isConflict, type ArticleForm, type ArticleStatus } from "./schema";
import type { FieldErrors, Outcome } from "@/lib/actions/form-state";
import { isVisibleToReaders, readerChangeOfSave, saveOutcome, type SaveOutcome } from "./policy";
import { isSlugFree } from "./slug";
import { editableColumns, snapshotOf, type ArticleSnapshot } from "./snapshot";
import { displayName } from "@/lib/users/schema";
import { datetimeLocalValue } from "@/lib/dates";

// The one write path for articles: every exported function takes the actor and checks it first,
// validates what the schema cannot, writes in one transaction (with a revision and an audit
// record), and expires reader pages afterwards. Callers have parsed the form with its schema.

export type SaveResult =
  | { ok: true; id: string; version: number; slug: string; status: ArticleStatus; publishedAt: Date | null; outcome: SaveOutcome }
  | { ok: false; message: string; fieldErrors: FieldErrors }
  | { ok: false; message: string; conflict: ConflictInfo }
  | { ok: false; message: string; notFound: true };

const NOT_FOUND = "This article no longer exists (it may have been moved to the trash). Your text is still in this form.";
const notFound = { ok: false, message: NOT_FOUND, notFound: true } as const;
const fieldProblems = (fieldErrors: FieldErrors) => ({ ok: false as const, message: "Some fields need attention.", fieldErrors });
const conflicting = (conflict: ConflictInfo) => ({
  ok: false as const,
  message: "Someone else saved this article while you were editing. Nothing of yours was lost.",
  conflict,
});
const SLUG_TAKEN = { slug: ["That slug is already used by another article. Choose another."] };
const IMAGE_GONE = { leadImageId: ["That picture is no longer in the library. Choose another."] };
const IMAGE_NEEDS_ALT = {
  leadImageId: ["Describe this picture for readers who cannot see it (alt text), or mark it decorative, before publishing."],
};

const BODY_IMAGE_GONE = "A picture in the body is no longer in the library: remove it or choose another.";
const BODY_IMAGE_NEEDS_ALT =
  "Describe every picture in the body for readers who cannot see it (alt text in the library), or mark it decorative, before publishing.";

/**
 * The story's pictures checked against the library: each must exist, and a story going out to
 * readers (published or scheduled) needs every picture described or marked decorative.
 */
async function pictureProblems(tx: Tx, leadImageId: string | null, body: string, status: string): Promise<FieldErrors | null> {
  const going = status === "PUBLISHED" || status === "SCHEDULED";
  if (leadImageId) {
    const image = await tx.image.findUnique({ where: { id: leadImageId }, select: { alt: true, decorative: true } });
    if (!image) return IMAGE_GONE;
    if (going && needsAltText(image)) return IMAGE_NEEDS_ALT;
  }
  const hashes = libraryHashesIn(body);
  const found = await imagesByHash(tx, hashes);
  if (found.size < hashes.length) return { body: [BODY_IMAGE_GONE] };
  if (going && [...found.values()].some(needsAltText)) return { body: [BODY_IMAGE_NEEDS_ALT] };
  return null;
}

export type ConflictInfo = {
  version: number;
  updatedAt: string;
  updatedBy: string | null;
  theirs: ArticleSnapshot;
  theirAuthorNames: string[];
};

class Rollback extends Error {
  constructor(public readonly result: SaveResult) {
    super("rollback");
  }
}

/**
 * Author ids in order for the form's list; "new:Name" entries create (or reuse, by slug) that
 * author. Authors already on the byline (`bylined`) exist: most saves keep it, and look up nothing.
 */
async function authorIdsOf(tx: Tx, entries: string[], bylined: ReadonlySet<string>): Promise<string[]> {
  const ids: string[] = [];
  for (const entry of entries) {
    let id = entry;
    if (entry.startsWith("new:")) {
      const name = entry.slice(4).trim();
      if (!name) continue;
      const slug = authorSlug(name);
      id = (await tx.author.upsert({ where: { slug }, create: { slug, name }, update: {}, select: { id: true } })).id;
    } else if (!bylined.has(id) && !(await tx.author.findUnique({ where: { id }, select: { id: true } }))) {
      throw new Rollback(fieldProblems({ authors: ["One of the chosen authors no longer exists. Choose again."] }));
    }
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

async function conflictWith(tx: Tx, id: string): Promise<ConflictInfo> {
  const current = await tx.article.findUniqueOrThrow({
    where: { id },
    select: {
      version: true,
      updatedAt: true,
      updatedBy: { select: { name: true, email: true } },
      bylines: { orderBy: { position: "asc" }, select: { author: { select: { id: true, name: true } } } },
      ...editableColumns,
    },
  });
  return {
    version: current.version,
    updatedAt: current.updatedAt.toISOString(),
    updatedBy: current.updatedBy ? displayName(current.updatedBy) : null,
    theirs: JSON.parse(
      snapshotOf(
        current,
        current.bylines.map((b) => b.author.id),
      ),
    ),
    theirAuthorNames: current.bylines.map((b) => b.author.name),
  };
}

/**
 * The form shows publication times to the minute: one sent back as shown keeps its stored seconds,
 * or every save after "Publish now" would move the story's time (and its place in lists) back.
 */
function keptTime(sent: Date | null, stored: Date | null): Date | null {
  return sent && stored && datetimeLocalValue(sent) === datetimeLocalValue(stored) ? stored : sent;
}

const editableSelect = {
  id: true,
  version: true,
  ...editableColumns,
  bylines: { orderBy: { position: "asc" as const }, select: { authorId: true } },
};

function editableFieldsOf<Row extends { id: string; version: number; bylines: { authorId: string }[] }>({
  id: _id,
  version: _version,
  bylines,
  ...fields
}: Row) {
  return { ...fields, authorIds: bylines.map((b) => b.authorId) };
}

/**
 * Creates an article (articleId undefined) or saves an edit of one, refusing edits based on an
 * old version. `auditAction` names the change in the audit log when it is not plain editing.
 */
export const saveArticle = authorized("articles:edit", async (user, form: ArticleForm, articleId?: string) =>
  writeArticle(user, form, articleId),
);

async function writeArticle(user: StaffUser, form: ArticleForm, articleId?: string, auditAction?: string): Promise<SaveResult> {
  const now = new Date();
  const { status, publishedAt: intended } = applyIntent(form, now);
  let readerChange: ReaderChange | null = null;
  try {
    const result = await db.$transaction(async (tx): Promise<SaveResult> => {
      const current = articleId ? await tx.article.findFirst({ where: { id: articleId, deletedAt: null }, select: editableSelect }) : null;
      if (articleId && !current) return notFound;
      if (current && isConflict(form.version, current.version)) return conflicting(await conflictWith(tx, current.id));
      const publishedAt = keptTime(intended, current?.publishedAt ?? null);

      const slug = form.slug || current?.slug || slugify(form.headline) || "article";
      // An article keeps its own slug: only a new one needs looking up.
      if (slug !== current?.slug && !(await isSlugFree(tx, slug, current?.id))) {
        return fieldProblems(SLUG_TAKEN);
      }
      const imageProblem = await pictureProblems(tx, form.leadImageId, form.body, status);
      if (imageProblem) return fieldProblems(imageProblem);
      const authorIds = await authorIdsOf(tx, form.authors, new Set(current?.bylines.map((b) => b.authorId)));
      const wasPublic = current && isVisibleToReaders({ ...current, deletedAt: null }, now);
      // Most saves keep the byline: it is rewritten only when it changed.
      const sameAuthors = current !== null && authorIds.join("\n") === current.bylines.map((b) => b.authorId).join("\n");
      const fields = {
        slug,
        headline: form.headline,
        standfirst: form.standfirst,
        body: form.body,
        caption: form.caption,
        dateline: form.dateline,
        source: form.source,
        status,
        publishedAt,
        // Switching related stories on or off is an admin's curation (lib/related-links), not an edit.
        relatedEnabled: current?.relatedEnabled ?? true,
        leadImageId: form.leadImageId,
      };
      const data = {
        ...fields,
        headlineKey: headlineKey(form.headline),
        updatedById: user.id,
        // Readers see "Updated" only for changes to an article they could already read.
        ...(wasPublic && status === "PUBLISHED" ? { modifiedAt: now } : {}),
      };

      let id: string;
      let version: number;
      if (current) {
        // The version check and the write are one statement: two saves cannot both win.
        const updated = await tx.article.updateMany({
          where: { id: current.id, version: form.version },
          data: { ...data, version: { increment: 1 } },
        });
        if (updated.count === 0) return conflicting(await conflictWith(tx, current.id));
        id = current.id;
        version = current.version + 1;
        if (!sameAuthors) await tx.byline.deleteMany({ where: { articleId: id } });
        if (current.slug !== slug) {
          await tx.slugRedirect.deleteMany({ where: { slug } });
          await tx.slugRedirect.upsert({
            where: { slug: current.slug },
            create: { slug: current.slug, articleId: id },
            update: { articleId: id },
          });
        }
      } else {
        const created = await tx.article.create({ data: { ...data, createdById: user.id, version: 1 }, select: { id: true } });
        id = created.id;
        version = 1;
      }
      if (!sameAuthors)
        await tx.byline.createMany({ data: authorIds.map((authorId, position) => ({ articleId: id, authorId, position })) });
      await tx.revision.create({ data: { articleId: id, version, snapshot: snapshotOf(fields, authorIds), userId: user.id } });
      // The save is the revision: the editor's autosaved text for it (or for a new article) has served.
      await tx.autosave.deleteMany({ where: { userId: user.id, draftKey: { in: current ? [id] : [id, "new"] } } });
      await resolveRelatedLinks(tx, [{ id, headlineKey: data.headlineKey }]);
      const before = current ? editableFieldsOf(current) : null;
      readerChange = readerChangeOfSave({
        before: wasPublic ? before : null,
        after: isVisibleToReaders({ status, publishedAt, deletedAt: null }, now) ? { ...fields, authorIds } : null,
        id,
      });
      await recordAudit(tx, user, {
        entityType: "article",
        entityId: id,
        action: auditAction ?? (current ? (form.intent === "save" ? "update" : form.intent) : "create"),
        before,
        after: { ...fields, authorIds },
      });
      return { ok: true, id, version, slug, status, publishedAt, outcome: saveOutcome(Boolean(wasPublic), { status, publishedAt }, now) };
    });
    if (result.ok && readerChange) await invalidateReaderPages(readerChange);
    return result;
  } catch (error) {
    if (error instanceof Rollback) return error.result;
    if ((error as { code?: string }).code === "P2002") return fieldProblems(SLUG_TAKEN);
    // The picture was deleted between the check and the write.
    if ((error as { code?: string }).code === "P2003") return fieldProblems(IMAGE_GONE);
    throw error;
  }
}

/**
 * Restores a revision's content (text, byline, related switch) as a new revision. It never
 * changes status, publish time or slug: restoring publishes, unpublishes and moves nothing.
 */
export const restoreRevision = authorized(
  "articles:edit",
  async (user, articleId: string, revisionVersion: number, baseVersion: number): Promise<SaveResult> => {
    if (!Number.isSafeInteger(revisionVersion) || !Number.isSafeInteger(baseVersion)) return notFound;
    const [article, revision] = await Promise.all([
      db.article.findFirst({ where: { id: articleId, deletedAt: null }, select: { slug: true, status: true, publishedAt: true } }),
      db.revision.findUnique({ where: { articleId_version: { articleId, version: revisionVersion } }, select: { snapshot: true } }),
    ]);
    if (!article || !revision) return { ...notFound, message: "That revision or article no longer exists." };
    const old = JSON.parse(revision.snapshot) as ArticleSnapshot;
    const [authors, oldImage] = await Promise.all([
      db.author.findMany({ where: { id: { in: old.authorIds } }, select: { id: true } }),
      old.leadImageId ? db.image.findUnique({ where: { id: old.leadImageId }, select: { id: true } }) : null,
    ]);
    const known = new Set(authors.map((a) => a.id));
    const result = await writeArticle(
      user,
      {
        headline: old.headline,
        slug: article.slug,
        standfirst: old.standfirst,
        body: old.body,
        caption: old.caption,
        dateline: old.dateline,
        source: old.source,
        authors: old.authorIds.filter((id) => known.has(id)),
        // A picture deleted from the library since is left out, as a deleted author is.
        leadImageId: oldImage?.id ?? null,
        status: article.status,
        publishedAt: article.publishedAt,
        id: articleId,
        version: baseVersion,
        intent: "save",
      },
      articleId,
      `restore revision ${revisionVersion}`,
    );
    return "conflict" in result ? { ...result, message: "The article changed since you opened this page. Reload and try again." } : result;
  },
);

/**
 * Moves an article to the trash. Links that point at it are kept as they are: readers stop seeing
 * them while it is in the trash (their target is not visible), and restoring it brings them back.
 */
export const trashArticle = authorized("articles:edit", async (user, articleId: string): Promise<Outcome> => {
  const done = await db.$transaction(async (tx) => {
    const updated = await tx.article.updateMany({
      where: { id: articleId, deletedAt: null },
      data: { deletedAt: new Date(), updatedById: user.id },
    });
    if (updated.count === 0) return false;
    const inboundLinks = await tx.relatedLink.count({ where: { targetArticleId: articleId } });
    await recordAudit(tx, user, {
      entityType: "article",
      entityId: articleId,
      action: "trash",
      after: { inboundLinksHidden: inboundLinks },
    });
    return true;
  });
  if (!done) return { ok: false, message: "That article is already in the trash." };
  await invalidateReaderPages({ articleIds: [articleId] });
  return { ok: true };
});

/** Brings an article back from the trash exactly as it was, with the links that pointed at it. */
export const restoreFromTrash = authorized("articles:restore", async (user, articleId: string): Promise<Outcome> => {
  const done = await db.$transaction(async (tx) => {
    const restored = await tx.article.updateMany({
      where: { id: articleId, deletedAt: { not: null } },
      data: { deletedAt: null, updatedById: user.id },
    });
    if (restored.count === 0) return false;
    await recordAudit(tx, user, { entityType: "article", entityId: articleId, action: "restore from trash" });
    return true;
  });
  if (!done) return { ok: false, message: "That article is not in the trash." };
  await invalidateReaderPages({ articleIds: [articleId] });
  return { ok: true };
});
