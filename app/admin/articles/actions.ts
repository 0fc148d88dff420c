"use server";

import { redirect } from "next/navigation";
import { workspaceAction } from "@/lib/actions/workspace-action";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/actions/form-state";
import type { ArticleFormState } from "@/lib/articles/form";
import { restoreFromTrash, restoreRevision, saveArticle, trashArticle } from "@/lib/articles/mutations";
import { articleFormSchema } from "@/lib/articles/schema";

const NOT_FOUND = "This article no longer exists (it may have been moved to the trash). Your text is still in this form.";

/** Creates or saves an article; a rejected save returns everything that was typed. */
export const saveArticleAction = workspaceAction<ArticleFormState>(async (actor, formData) => {
  const values = formValues(formData);
  const articleId = values.id || undefined;
  const parsed = articleFormSchema.safeParse(values);
  if (!parsed.success) return { ok: false, message: "Some fields need attention.", fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await saveArticle(actor, parsed.data, articleId);
  if (result.ok) redirect(`/admin/articles/${result.id}?saved=${result.version}`);
  if ("conflict" in result) {
    return {
      ok: false,
      message: "Someone else saved this article while you were editing. Nothing of yours was lost.",
      conflict: result.conflict,
      values,
    };
  }
  if ("notFound" in result) return { ok: false, message: NOT_FOUND, values };
  return { ok: false, message: "Some fields need attention.", fieldErrors: result.fieldErrors, values };
});

/** Restores a revision as a new revision (content only). */
export const restoreRevisionAction = workspaceAction<FormState>(async (actor, formData) => {
  const articleId = String(formData.get("id") ?? "");
  const result = await restoreRevision(actor, articleId, Number(formData.get("revision")), Number(formData.get("version")));
  if (result.ok) redirect(`/admin/articles/${result.id}?restored=${formData.get("revision")}`);
  if ("conflict" in result) return { ok: false, message: "The article changed since you opened this page. Reload and try again." };
  return { ok: false, message: "That revision or article no longer exists." };
});

export const trashArticleAction = workspaceAction<FormState>(async (actor, formData) => {
  const done = await trashArticle(actor, String(formData.get("id") ?? ""));
  if (!done) return { ok: false, message: "That article is already in the trash." };
  redirect("/admin/articles?trashed=1");
});

export const restoreFromTrashAction = workspaceAction<FormState>(async (actor, formData) => {
  const id = String(formData.get("id") ?? "");
  const done = await restoreFromTrash(actor, id);
  if (!done) return { ok: false, message: "That article is not in the trash." };
  redirect(`/admin/articles/${id}?untrashed=1`);
});
