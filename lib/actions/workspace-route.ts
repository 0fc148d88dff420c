import "server-only";
import type { z } from "zod";
import { AuthorizationError, type Actor } from "@/lib/auth/actor";
import { getRequestActor } from "@/lib/auth/session";
import { PRIVATE_CACHE_CONTROL } from "@/lib/cache-settings.js";

const json = (data: unknown, status = 200) => Response.json(data, { status, headers: { "Cache-Control": PRIVATE_CACHE_CONTROL } });

/**
 * A workspace GET route answering JSON to the page's scripts (search as you type, matches on
 * request): the query string parsed with `schema`, the request's actor handed to `read`, whose lib
 * query checks it; a refusal is 401/403 with the reason, a malformed query 400.
 */
export function workspaceGet<Schema extends z.ZodType>(
  schema: Schema,
  read: (actor: Actor | null, input: z.output<Schema>) => Promise<unknown>,
) {
  return async (request: Request): Promise<Response> => {
    const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) return json({ error: "That request is not valid." }, 400);
    try {
      return json(await read(await getRequestActor(), parsed.data));
    } catch (error) {
      if (error instanceof AuthorizationError) return json({ error: error.message }, error.reason === "signed-out" ? 401 : 403);
      throw error;
    }
  };
}
