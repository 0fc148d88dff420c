import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

// Redirects only: anonymous visitors to the workspace go to sign-in. Every page, Server Action
// and route handler still checks the session and role itself (lib/auth/session.ts).
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}

export const config = { matcher: ["/admin/:path*"] };
