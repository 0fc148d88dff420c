import "server-only";
import { authorized } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { displayName } from "@/lib/users/schema";
import type { Outcome } from "@/lib/actions/form-state";
import { draftFieldsOf, draftKeyOf, type AutosaveInput } from "./schema";

export type AutosaveResult = Outcome<{ savedAt: string; newerVersion: number | null }>;

/**
 * Keeps what the editor has typed, without touching the article or its history: one record per
 * editor and article, replaced at every autosave. When someone else has saved a newer version
 * since the editor opened the article, the text is kept all the same and the answer says so:
 * nothing of theirs is overwritten, nothing of the editor's is lost.
 */
export const autosaveDraft = authorized("articles:edit", async (user, input: AutosaveInput): Promise<AutosaveResult> => {
  const draftKey = draftKeyOf(input.id);
  let newerVersion: number | null = null;
  let message: string | undefined;
  if (draftKey !== "new") {
    const article = await db.article.findFirst({
      where: { id: draftKey, deletedAt: null },
      select: { version: true, updatedBy: { select: { name: true, email: true } } },
    });
    if (!article)
      return { ok: false, message: "This article no longer exists (it may be in the trash). Your text is kept on this device." };
    if (article.version > input.version) {
      newerVersion = article.version;
      const who = article.updatedBy ? displayName(article.updatedBy) : "someone else";
      message = `${who} saved version ${article.version} while you were writing. Your text is kept; saving will show both.`;
    }
  }
  const fields = JSON.stringify(draftFieldsOf(input));
  const saved = await db.autosave.upsert({
    where: { userId_draftKey: { userId: user.id, draftKey } },
    create: { userId: user.id, draftKey, baseVersion: input.version, fields },
    update: { baseVersion: input.version, fields },
    select: { savedAt: true },
  });
  return { ok: true, savedAt: saved.savedAt.toISOString(), newerVersion, ...(message ? { message } : {}) };
});

/** Throws the editor's autosaved text away (they chose the saved version instead). */
export const discardDraft = authorized("articles:edit", async (user, draftKey: string): Promise<Outcome> => {
  await db.autosave.deleteMany({ where: { userId: user.id, draftKey: draftKeyOf(draftKey) } });
  return { ok: true, message: "Discarded." };
});
