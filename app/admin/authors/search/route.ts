// GET /admin/authors/search?q=…&offset=… — the byline picker's search as the editor types.
import { workspaceGet } from "@/lib/actions/workspace-route";
import { searchAuthors } from "@/lib/authors/queries";
import { authorSearchSchema } from "@/lib/authors/schema";

export const GET = workspaceGet(authorSearchSchema, (actor, input) => searchAuthors(actor, input.q, input.offset));
