// The byline picker's question to the server, for the browser (app/admin/authors/search/route.ts).
import { askWorkspace } from "@/lib/actions/workspace-fetch";
import type { PickedAuthor } from "@/lib/articles/form";

export type AuthorMatches = { authors: PickedAuthor[]; more: boolean } | { error: string };

/** Authors whose name contains `text`, a page at a time from `offset`. */
export async function findAuthors(text: string, offset: number): Promise<AuthorMatches> {
  const answer = await askWorkspace<{ authors: PickedAuthor[]; more: boolean }>(
    "/admin/authors/search",
    { q: text, offset: String(offset) },
    "Could not search authors just now. Check the connection, or create the author below.",
  );
  return "data" in answer ? answer.data : answer;
}
