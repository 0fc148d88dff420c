import "server-only";
import { authorized } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { PickedAuthor, PickedImage } from "@/lib/articles/form";
import { pickedImageSelect } from "@/lib/media/urls";
import { draftFieldsOf, draftKeyOf, type DraftFields } from "./schema";

/** An autosaved draft as the editor's form restores it: the fields, with the byline's names and the picture. */
export type Draft = {
  draftKey: string;
  baseVersion: number;
  fields: DraftFields;
  authors: PickedAuthor[];
  leadImage: PickedImage | null;
  savedAt: string;
};

/** The editor's own autosaved text for an article (null: one not saved yet), or null. Nobody reads another's. */
export const getDraft = authorized("articles:edit", async (user, articleId: string | null): Promise<Draft | null> => {
  const draftKey = draftKeyOf(articleId);
  const row = await db.autosave.findUnique({ where: { userId_draftKey: { userId: user.id, draftKey } } });
  if (!row) return null;
  let fields: DraftFields;
  try {
    fields = draftFieldsOf(JSON.parse(row.fields) as Record<string, unknown>);
  } catch {
    return null;
  }
  const entries = fields.authors.split("\n").filter(Boolean).slice(0, 20);
  const [known, leadImage] = await Promise.all([
    db.author.findMany({ where: { id: { in: entries } }, select: { id: true, name: true } }),
    fields.leadImageId ? db.image.findUnique({ where: { id: fields.leadImageId }, select: pickedImageSelect }) : null,
  ]);
  const names = new Map(known.map((a) => [a.id, a.name]));
  const authors = entries.flatMap((entry) =>
    entry.startsWith("new:") ? [{ id: entry, name: entry.slice(4) }] : names.has(entry) ? [{ id: entry, name: names.get(entry)! }] : [],
  );
  return { draftKey, baseVersion: row.baseVersion, fields, authors, leadImage, savedAt: row.savedAt.toISOString() };
});
