// GET /admin/authors/search?q=…&offset=… — the byline picker's search as the editor types.
import { AuthorizationError } from "@/lib/auth/actor";
import { getRequestActor } from "@/lib/auth/session";
import { searchAuthors } from "@/lib/authors/queries";
import { authorSearchSchema } from "@/lib/authors/schema";
import { PRIVATE_CACHE_CONTROL } from "@/lib/cache-settings.js";

const json = (data: unknown, status = 200) => Response.json(data, { status, headers: { "Cache-Control": PRIVATE_CACHE_CONTROL } });

export async function GET(request: Request) {
  const parsed = authorSearchSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return json({ error: "That search is not valid." }, 400);
  try {
    return json(await searchAuthors(await getRequestActor(), parsed.data.q, parsed.data.offset));
  } catch (error) {
    if (error instanceof AuthorizationError) return json({ error: error.message }, error.reason === "signed-out" ? 401 : 403);
    throw error;
  }
}
