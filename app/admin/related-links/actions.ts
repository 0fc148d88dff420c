"use server";

import { formAction } from "@/lib/actions/workspace-action";
import {
  addRelatedLink,
  attachTarget,
  removeRelatedLink,
  reorderRelatedLinks,
  setRelatedEnabled,
  updateLinkLabel,
} from "@/lib/related-links/mutations";
import {
  addRelatedLinkSchema,
  attachTargetSchema,
  linkLabelSchema,
  moveLinkSchema,
  relatedEnabledSchema,
  reorderLinksSchema,
} from "@/lib/related-links/schema";

// Every related-link change is an admin's: the mutations check the actor's role themselves.
const refresh = "workspace";

export const addRelatedLinkAction = formAction(addRelatedLinkSchema, addRelatedLink, { refresh });
export const updateLinkLabelAction = formAction(linkLabelSchema, (actor, i) => updateLinkLabel(actor, i.linkId, i.label), { refresh });
export const attachTargetAction = formAction(attachTargetSchema, (actor, i) => attachTarget(actor, i.linkId, i.targetArticleId), {
  refresh,
});
export const removeRelatedLinkAction = formAction(moveLinkSchema.pick({ linkId: true }), (actor, i) => removeRelatedLink(actor, i.linkId), {
  refresh,
});
export const reorderRelatedLinksAction = formAction(reorderLinksSchema, (actor, i) => reorderRelatedLinks(actor, i.articleId, i.order), {
  refresh,
});
export const setRelatedEnabledAction = formAction(relatedEnabledSchema, (actor, i) => setRelatedEnabled(actor, i.articleId, i.enabled), {
  refresh,
});
