import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { PRIVATE_CACHE_CONTROL } from "@/lib/cache-settings.js";
import { MAX_BODY_BYTES, MAX_UPLOAD_BYTES, UPLOAD_PATH } from "@/lib/request-limits.js";
import { nonceCsp } from "@/lib/security-headers.js";

// Runs only for the workspace, sign-in, setup, invitations and the auth endpoints — never for cached reader
// pages. It refuses cross-site writes and bodies that announce themselves as oversized, gives
// pages a per-request CSP nonce, and redirects visitors without a session cookie to sign-in.
// It is not the security boundary: every workspace query and mutation in lib/ checks the
// actor itself (lib/auth/actor.ts).

const MAX_CALLBACK_LENGTH = 500;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const WORKSPACE_PATH = /^\/(admin|login|setup|invite|api\/auth)(\/|$)/;

const refuse = (status: number, text: string) =>
  new NextResponse(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": PRIVATE_CACHE_CONTROL } });

/**
 * Whether a state-changing request comes from another site. Browsers send Sec-Fetch-Site on every
 * request and Origin on most; either one naming another site is enough to refuse. (Next checks
 * Server Actions' Origin only when it is present, and next-auth's own endpoints not at all.)
 */
function isCrossSite(request: NextRequest): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return origin === "null" || new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** Whether the path holds percent-encoding that decodes to nothing (a lone `%`, broken UTF-8). */
function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export async function proxy(request: NextRequest) {
  // Next's router answers such a path with a 500 before any page runs; it names nothing: 400.
  if (isMalformedPath(request.nextUrl.pathname)) return refuse(400, "Bad request: that address is not valid percent-encoding.");
  if (!WORKSPACE_PATH.test(request.nextUrl.pathname)) return NextResponse.next();
  if (!SAFE_METHODS.has(request.method)) {
    if (isCrossSite(request)) return refuse(403, "Refused: this request came from another site.");
    // Every workspace Server Action takes a form: a script posting JSON, text or nothing to one gets
    // a clear answer here rather than whatever the action would make of it.
    if (request.headers.has("next-action") && !(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
      return refuse(400, "This request did not carry a form. Reload the page and try again.");
    }
    const length = Number(request.headers.get("content-length") ?? 0);
    if (request.nextUrl.pathname === UPLOAD_PATH) {
      if (length > MAX_UPLOAD_BYTES) return refuse(413, `This file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
    } else if (length > MAX_BODY_BYTES)
      return refuse(
        413,
        `Request too large: the limit is ${MAX_BODY_BYTES / 1024 / 1024} MB. Shorten the text or split it, and try again.`,
      );
  }
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();

  if (request.nextUrl.pathname.startsWith("/admin")) {
    const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
    if (!token) {
      const login = new URL("/login", request.url);
      const back = request.nextUrl.pathname + request.nextUrl.search;
      login.searchParams.set("callbackUrl", back.length <= MAX_CALLBACK_LENGTH ? back : "/admin");
      const redirect = NextResponse.redirect(login);
      redirect.headers.set("Cache-Control", PRIVATE_CACHE_CONTROL);
      return redirect;
    }
  }

  const nonce = btoa(crypto.randomUUID());
  const csp = nonceCsp(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Reader pages only when their path holds a `%` (see isMalformedPath): the proxy stays off the
  // reader's hot path.
  matcher: ["/admin/:path*", "/login", "/setup", "/invite/:path*", "/api/auth/:path*", "/:path(.*%.*)"],
};
