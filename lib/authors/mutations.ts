import "server-only";
import { db } from "@/lib/db";
import { invalidateReaderPages } from "@/lib/cache";
import { slugify } from "@/lib/text";
import type { AuthorForm } from "./schema";

export type AuthorSaveResult = { ok: true; id: string } | { ok: false; fieldErrors: Partial<Record<string, string[]>> };

/** Creates (no id) or updates an author; slugs are unique. */
export async function saveAuthor(form: AuthorForm, id?: string): Promise<AuthorSaveResult> {
  const slug = form.slug || slugify(form.name) || "author";
  try {
    const author = id
      ? await db.author.update({ where: { id }, data: { ...form, slug }, select: { id: true } })
      : await db.author.create({ data: { ...form, slug }, select: { id: true } });
    invalidateReaderPages();
    return { ok: true, id: author.id };
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return { ok: false, fieldErrors: { slug: ["Another author already has that slug."] } };
    if ((error as { code?: string }).code === "P2025") return { ok: false, fieldErrors: { form: ["That author no longer exists."] } };
    throw error;
  }
}

/** Deletes an author with no articles; one with articles must be taken off those bylines first. */
export async function deleteAuthor(id: string): Promise<{ ok: true } | { ok: false; message: string }> {
  return db.$transaction(async (tx) => {
    const articles = await tx.byline.count({ where: { authorId: id } });
    if (articles > 0) {
      return { ok: false as const, message: `This author is on ${articles} article${articles === 1 ? "" : "s"}. Reassign them first.` };
    }
    const deleted = await tx.author.deleteMany({ where: { id } });
    return deleted.count ? { ok: true as const } : { ok: false as const, message: "That author no longer exists." };
  });
}
