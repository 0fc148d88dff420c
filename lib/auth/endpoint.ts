import "server-only";
// Helpers for next-auth's endpoint (app/api/auth/[...nextauth]/route.ts): bounds on what it reads, and
// the credentials check's outcome put on its response.
import { readAtMost } from "@/lib/bounded-body";
import { PRIVATE_CACHE_CONTROL } from "@/lib/cache-settings.js";
import { MAX_REDIRECT_LENGTH } from "./options";
import type { SignInOutcome } from "./sign-in-context";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_SECONDS } from "./throttle";

/** The auth endpoints take small forms only: an email, a password, a token, a callback URL. */
export const MAX_AUTH_BODY_BYTES = 16 * 1024;

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": PRIVATE_CACHE_CONTROL } });

/** A refusal for requests no browser sends: an over-long callback URL in the query. */
export function authRequestProblem(request: Request): Response | null {
  const callbackUrl = new URL(request.url).searchParams.get("callbackUrl");
  if (callbackUrl && callbackUrl.length > MAX_REDIRECT_LENGTH) return plain(400, "That callback URL is too long.");
  return null;
}

/**
 * The body as bytes, counting what is actually read: a chunked body (no Content-Length) is cut
 * off at the limit like any other. Null for requests without a body.
 */
export async function readBoundedBody(request: Request, limit = MAX_AUTH_BODY_BYTES): Promise<Uint8Array<ArrayBuffer> | null | Response> {
  if (!request.body || request.method === "GET" || request.method === "HEAD") return null;
  return (await readAtMost(request.body, limit)) ?? plain(413, `Request too large: sign-in forms are at most ${limit / 1024} KB.`);
}

/** A refusal for a posted form whose callback URL is over-long (next-auth would echo it into a cookie). */
export function authBodyProblem(request: Request, body: Uint8Array<ArrayBuffer> | null): Response | null {
  if (!body) return null;
  const type = request.headers.get("content-type") ?? "";
  const text = new TextDecoder().decode(body);
  let callbackUrl: unknown;
  if (type.includes("application/x-www-form-urlencoded")) callbackUrl = new URLSearchParams(text).getAll("callbackUrl").join("");
  else if (type.includes("application/json")) {
    try {
      callbackUrl = (JSON.parse(text) as { callbackUrl?: unknown } | null)?.callbackUrl;
    } catch {
      return plain(400, "That request body is not valid JSON.");
    }
  }
  if (typeof callbackUrl === "string" && callbackUrl.length > MAX_REDIRECT_LENGTH) return plain(400, "That callback URL is too long.");
  return null;
}

/** next-auth's response with the credentials check's outcome on it. */
export function signInResponse(response: Response, outcome: SignInOutcome, request: Request): Response {
  if (outcome.retryAfterSeconds) {
    const headers = new Headers(response.headers);
    headers.set("Retry-After", String(outcome.retryAfterSeconds));
    // A form posted without JavaScript follows next-auth's redirect to the sign-in page, which
    // says why; a script (json=true) gets the status.
    const redirect = response.status >= 300 && response.status < 400;
    return new Response(response.body, { status: redirect ? response.status : 429, headers });
  }
  if (outcome.deviceCookie) {
    const secure = new URL(request.url).protocol === "https:" || (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
    response.headers.append(
      "Set-Cookie",
      `${DEVICE_COOKIE}=${outcome.deviceCookie}; Path=/api/auth; Max-Age=${DEVICE_COOKIE_MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`,
    );
  }
  return response;
}
