import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { nonceCsp } from "@/lib/security-headers.js";

// Runs only for the workspace, sign-in, setup and the auth endpoints — never for cached reader
// pages. It refuses oversized bodies, gives pages a per-request CSP nonce, and redirects
// anonymous visitors of /admin to sign-in. It is not the security boundary: every page,
// Server Action and route handler checks the session and role itself (lib/auth/session.ts).

const MAX_BODY_BYTES = 2 * 1024 * 1024;

export async function proxy(request: NextRequest) {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) {
    return new NextResponse("Request too large: the limit is 2 MB. Shorten the text or split it, and try again.", {
      status: 413,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();

  if (request.nextUrl.pathname.startsWith("/admin")) {
    const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
    if (!token) {
      const login = new URL("/login", request.url);
      login.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
      const redirect = NextResponse.redirect(login);
      redirect.headers.set("Cache-Control", "private, no-store");
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
  matcher: ["/admin/:path*", "/login", "/setup", "/api/auth/:path*"],
};
