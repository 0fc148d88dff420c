import "server-only";
import { authorSlug } from "@/lib/authors/schema";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { authorized } from "@/lib/auth/actor";
import { invalidateReaderPages } from "@/lib/cache";
import type { Outcome } from "@/lib/actions/form-state";
import type { AuthorForm } from "./schema";

export type AuthorSaveResult = Outcome<{ id: string }>;

/** Creates (the form names no id) or updates an author; slugs are unique. */
export const saveAuthor = authorized("authors:edit", async (user, form: AuthorForm): Promise<AuthorSaveResult> => {
  const id = form.id || undefined;
  const slug = form.slug || authorSlug(form.name);
  const fields = { name: form.name, slug, bio: form.bio };
  try {
    const author = await db.$transaction(async (tx) => {
      const before = id ? await tx.author.findUniqueOrThrow({ where: { id }, select: { name: true, slug: true, bio: true } }) : null;
      const saved = id
        ? await tx.author.update({ where: { id }, data: fields, select: { id: true } })
        : await tx.author.create({ data: fields, select: { id: true } });
      await recordAudit(tx, user, { entityType: "author", entityId: saved.id, action: id ? "update" : "create", before, after: fields });
      return { ...saved, before };
    });
    // An author's page, and their articles' bylines; a changed slug leaves the old page a 404.
    await invalidateReaderPages({ authorIds: [author.id], paths: author.before ? [`/authors/${author.before.slug}`] : [] });
    return { ok: true, id: author.id };
  } catch (error) {
    if ((error as { code?: string }).code === "P2002")
      return { ok: false, message: "Some fields need attention.", fieldErrors: { slug: ["Another author already has that slug."] } };
    if ((error as { code?: string }).code === "P2025") return { ok: false, message: "That author no longer exists." };
    throw error;
  }
});

/** Deletes an author with no articles; one with articles must be taken off those bylines first. */
export const deleteAuthor = authorized("authors:edit", async (user, id: string): Promise<{ ok: true } | { ok: false; message: string }> => {
  return db.$transaction(async (tx) => {
    const articles = await tx.byline.count({ where: { authorId: id } });
    if (articles > 0) {
      return { ok: false as const, message: `This author is on ${articles} article${articles === 1 ? "" : "s"}. Reassign them first.` };
    }
    const author = await tx.author.findUnique({ where: { id }, select: { name: true, slug: true } });
    if (!author) return { ok: false as const, message: "That author no longer exists." };
    await tx.author.delete({ where: { id } });
    await recordAudit(tx, user, { entityType: "author", entityId: id, action: "delete", before: author });
    return { ok: true as const };
  });
});
