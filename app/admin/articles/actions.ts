"use server";

import { formAction } from "@/lib/actions/workspace-action";
import { recordIdSchema } from "@/lib/actions/form-state";
import type { ArticleFormState } from "@/lib/articles/form";
import { restoreFromTrash, restoreRevision, saveArticle, trashArticle } from "@/lib/articles/mutations";
import { articleFormSchema, restoreRevisionSchema } from "@/lib/articles/schema";
import { autosaveDraft, discardDraft, type AutosaveResult } from "@/lib/drafts/mutations";
import { autosaveSchema, draftKeySchema, type AutosaveState } from "@/lib/drafts/schema";

export const saveArticleAction = formAction<typeof articleFormSchema, Awaited<ReturnType<typeof saveArticle>>, ArticleFormState>(
  articleFormSchema,
  (actor, form) => saveArticle(actor, form, form.id || undefined),
  {
    invalid: "Some fields need attention.",
    // A new article moves to its own address; a saved one is re-rendered where the editor is, and
    // the editor says what the save did.
    redirectTo: (saved, form) => (form.id ? undefined : `/admin/articles/${saved.id}?saved=${saved.version}&outcome=${saved.outcome}`),
    refresh: (saved) => `/admin/articles/${saved.id}`,
    reply: ({ version, outcome, slug, publishedAt }) => ({
      saved: { version, outcome, slug, publishedAt: publishedAt?.toISOString() ?? null },
    }),
  },
);
export const restoreRevisionAction = formAction(restoreRevisionSchema, (actor, i) => restoreRevision(actor, i.id, i.revision, i.version), {
  redirectTo: (_, i) => `/admin/articles/${i.id}?restored=${i.revision}`,
});
export const trashArticleAction = formAction(recordIdSchema, (actor, i) => trashArticle(actor, i.id), {
  redirectTo: () => "/admin/articles?trashed=1",
});
export const restoreFromTrashAction = formAction(recordIdSchema, (actor, i) => restoreFromTrash(actor, i.id), {
  redirectTo: (_, i) => `/admin/articles/${i.id}?untrashed=1`,
});
export const autosaveDraftAction = formAction<typeof autosaveSchema, AutosaveResult, AutosaveState>(autosaveSchema, autosaveDraft, {
  reply: (saved) => ({ savedAt: saved.savedAt, newerVersion: saved.newerVersion }),
});
export const discardDraftAction = formAction(draftKeySchema, (actor, i) => discardDraft(actor, i.draftKey));
