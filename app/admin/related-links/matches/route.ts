// GET /admin/related-links/matches?article=…[&link=…] — matches for unresolved labels, when the admin asks.
import { workspaceGet } from "@/lib/actions/workspace-route";
import { unresolvedMatches } from "@/lib/related-links/queries";
import { unresolvedMatchesSchema } from "@/lib/related-links/schema";

export const GET = workspaceGet(unresolvedMatchesSchema, (actor, input) => unresolvedMatches(actor, input.article, input.link));
