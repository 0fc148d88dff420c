"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { authedAction } from "@/lib/actions/authed-action";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/actions/form-state";
import type { CurrentUser } from "@/lib/auth/session";
import {
  addRelatedLink,
  attachTarget,
  moveRelatedLink,
  removeRelatedLink,
  reorderRelatedLinks,
  setRelatedEnabled,
  updateLinkLabel,
  type LinkResult,
} from "@/lib/related-links/mutations";
import {
  addRelatedLinkSchema,
  attachTargetSchema,
  linkLabelSchema,
  moveLinkSchema,
  relatedEnabledSchema,
  reorderLinksSchema,
} from "@/lib/related-links/schema";

// Every related-link change is an ADMIN's (authedAction checks the role before anything else).

function linkAction<S extends z.ZodType>(schema: S, run: (user: CurrentUser, input: z.output<S>) => Promise<LinkResult>) {
  return authedAction<FormState>("ADMIN", async (user, formData) => {
    const values = formValues(formData);
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error);
      return { ok: false, fieldErrors, message: Object.values(fieldErrors)[0]?.[0], values };
    }
    const result = await run(user, parsed.data);
    if (!result.ok) return { ok: false, message: result.message, values };
    revalidatePath("/admin", "layout");
    return { ok: true, message: "Saved." };
  });
}

export const addRelatedLinkAction = linkAction(addRelatedLinkSchema, addRelatedLink);
export const updateLinkLabelAction = linkAction(linkLabelSchema, (user, i) => updateLinkLabel(user, i.linkId, i.label));
export const attachTargetAction = linkAction(attachTargetSchema, (user, i) => attachTarget(user, i.linkId, i.targetArticleId));
export const removeRelatedLinkAction = linkAction(moveLinkSchema.pick({ linkId: true }), (user, i) => removeRelatedLink(user, i.linkId));
export const moveRelatedLinkAction = linkAction(moveLinkSchema, (user, i) => moveRelatedLink(user, i.linkId, i.direction));
export const reorderRelatedLinksAction = linkAction(reorderLinksSchema, (user, i) => reorderRelatedLinks(user, i.articleId, i.order));
export const setRelatedEnabledAction = linkAction(relatedEnabledSchema, (user, i) => setRelatedEnabled(user, i.articleId, i.enabled));
