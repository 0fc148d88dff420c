// GET /admin/related-links/targets?article=…&q=… — the related panel's headline search as the admin types.
import { workspaceGet } from "@/lib/actions/workspace-route";
import { findLinkTargets } from "@/lib/related-links/queries";
import { linkTargetSearchSchema } from "@/lib/related-links/schema";

export const GET = workspaceGet(linkTargetSearchSchema, (actor, input) => findLinkTargets(actor, input.article, input.q));
