import "server-only";
import { AuthorizationError, authorize } from "@/lib/auth/actor";
import { getRequestActor } from "@/lib/auth/session";
import { readAtMost } from "@/lib/bounded-body";
import { PRIVATE_CACHE_CONTROL } from "@/lib/cache-settings.js";
import { replaceImage, uploadImage } from "./mutations";
import { MAX_UPLOAD_BYTES } from "./schema";

const json = (data: unknown, status = 200) => Response.json(data, { status, headers: { "Cache-Control": PRIVATE_CACHE_CONTROL } });
const tooLarge = () => json({ error: `This file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.` }, 413);

/**
 * POST with the file's bytes as the body and its name, percent-encoded, in X-File-Name. The body is
 * read only up to the limit: a larger one is refused at its Content-Length, or as soon as it
 * passes the limit when it does not say.
 */
export async function uploadFromRequest(request: Request): Promise<Response> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > MAX_UPLOAD_BYTES) return tooLarge();
  let name = "";
  try {
    name = decodeURIComponent(request.headers.get("x-file-name") ?? "").slice(0, 200);
  } catch {
    return json({ error: "The file name could not be read." }, 400);
  }
  const actor = await getRequestActor();
  try {
    // Nobody signed out makes the server read 25 MB.
    await authorize(actor, "media:edit");
    const bytes = await readAtMost(request.body, MAX_UPLOAD_BYTES);
    if (!bytes) return tooLarge();
    // ?replace=<id>: the file takes that picture's place everywhere it is used.
    const replace = new URL(request.url).searchParams.get("replace");
    const result = replace ? await replaceImage(actor, replace.slice(0, 100), { name, bytes }) : await uploadImage(actor, { name, bytes });
    if (!result.ok) return json({ error: result.message }, 422);
    return json({ id: result.id, duplicate: result.duplicate, width: result.width, height: result.height });
  } catch (error) {
    if (error instanceof AuthorizationError) return json({ error: error.message }, error.reason === "signed-out" ? 401 : 403);
    throw error;
  }
}
