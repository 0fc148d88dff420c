"use server";

import { formAction } from "@/lib/actions/workspace-action";
import {
  addRelatedLink,
  attachConfidentMatches,
  attachTarget,
  removeRelatedLink,
  removeRelatedLinks,
  removeUnresolvedLinks,
  reorderRelatedLinks,
  setRelatedSwitch,
  updateLinkLabel,
} from "@/lib/related-links/mutations";
import {
  addRelatedLinkSchema,
  articleLinksSchema,
  attachTargetSchema,
  linkLabelSchema,
  moveLinkSchema,
  relatedSwitchSchema,
  removeLinksSchema,
  reorderLinksSchema,
} from "@/lib/related-links/schema";

// Every related-link change is an admin's: the mutations check the actor's role themselves.
const refresh = "workspace";

export const addRelatedLinkAction = formAction(addRelatedLinkSchema, addRelatedLink, { refresh, done: "Added." });
export const updateLinkLabelAction = formAction(linkLabelSchema, (actor, i) => updateLinkLabel(actor, i.linkId, i.label), { refresh });
export const attachTargetAction = formAction(attachTargetSchema, (actor, i) => attachTarget(actor, i.linkId, i.targetArticleId), {
  refresh,
  done: "Attached.",
});
export const removeRelatedLinkAction = formAction(moveLinkSchema.pick({ linkId: true }), (actor, i) => removeRelatedLink(actor, i.linkId), {
  refresh,
});
export const removeRelatedLinksAction = formAction(removeLinksSchema, (actor, i) => removeRelatedLinks(actor, i.linkId), { refresh });
export const removeUnresolvedLinksAction = formAction(articleLinksSchema, (actor, i) => removeUnresolvedLinks(actor, i.articleId), {
  refresh,
});
export const attachConfidentMatchesAction = formAction(articleLinksSchema, (actor, i) => attachConfidentMatches(actor, i.articleId), {
  refresh,
});
export const reorderRelatedLinksAction = formAction(reorderLinksSchema, (actor, i) => reorderRelatedLinks(actor, i.articleId, i.order), {
  refresh,
});
export const setRelatedSwitchAction = formAction(
  relatedSwitchSchema,
  (actor, i) => setRelatedSwitch(actor, i.articleId, i.switch, i.enabled),
  {
    refresh,
  },
);
