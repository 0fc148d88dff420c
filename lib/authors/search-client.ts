// The byline picker's question to the server, for the browser (app/admin/authors/search/route.ts).
import type { PickedAuthor } from "@/lib/articles/form";

export type AuthorMatches = { authors: PickedAuthor[]; more: boolean } | { error: string };

/** Authors whose name contains `text`, a page at a time from `offset`. */
export async function findAuthors(text: string, offset: number): Promise<AuthorMatches> {
  try {
    const response = await fetch(`/admin/authors/search?${new URLSearchParams({ q: text, offset: String(offset) })}`);
    if (response.redirected) return { error: "You are signed out. Sign in again; your text is kept in this form." };
    return (await response.json()) as AuthorMatches;
  } catch {
    return { error: "Could not search authors just now. Check the connection, or create the author below." };
  }
}
