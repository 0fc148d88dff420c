"use server";

import { formAction } from "@/lib/actions/workspace-action";
import { recordIdSchema } from "@/lib/actions/form-state";
import type { ArticleFormState } from "@/lib/articles/form";
import { restoreFromTrash, restoreRevision, saveArticle, trashArticle } from "@/lib/articles/mutations";
import { articleFormSchema, restoreRevisionSchema } from "@/lib/articles/schema";
import { effectiveStatus } from "@/lib/articles/policy";
import { autosaveDraft, discardDraft, type AutosaveResult } from "@/lib/drafts/mutations";
import { autosaveSchema, draftKeySchema, type AutosaveState } from "@/lib/drafts/schema";

export const saveArticleAction = formAction<typeof articleFormSchema, Awaited<ReturnType<typeof saveArticle>>, ArticleFormState>(
  articleFormSchema,
  (actor, form) => saveArticle(actor, form, form.id || undefined),
  {
    invalid: "Some fields need attention.",
    // A new article moves to its own address. A saved one stays as it is, and the answer tells the
    // form and the header the new version and status: no page is rendered again, so a save costs
    // one small request (a redirect made Next fetch the whole editor page from itself).
    redirectTo: (saved, form) => (form.id ? undefined : `/admin/articles/${saved.id}?saved=${saved.version}&outcome=${saved.outcome}`),
    reply: ({ version, outcome, slug, status, publishedAt }) => ({
      saved: {
        version,
        outcome,
        slug,
        status,
        shownStatus: effectiveStatus(status, publishedAt, new Date()),
        publishedAt: publishedAt?.toISOString() ?? null,
      },
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
