// next-auth: sign-in (Credentials), sign-out, session and CSRF endpoints, with sign-in throttling
// in front of the credentials callback (per account and per client address, kept in the database).
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { recordFailure, recordSuccess, secondsBlocked, throttleKeys } from "@/lib/auth/throttle";

const handler = NextAuth(authOptions);
type Context = { params: Promise<{ nextauth: string[] }> };

function clientAddress(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || "unknown";
}

async function POST(request: Request, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") !== "callback/credentials") return handler(request, context);
  const form = await request.clone().formData();
  const email = String(form.get("email") ?? "");
  const keys = throttleKeys(email, clientAddress(request));
  const wait = await secondsBlocked(keys);
  if (wait > 0) {
    // The same answer whether or not the account exists, and the right password is refused too.
    const url = new URL("/login?error=TooManyAttempts", request.url).toString();
    return Response.json({ url, error: "Too many failed sign-ins. Try again later." }, { status: 429, headers: { "Retry-After": String(wait) } });
  }
  const response: Response = await handler(request, context);
  const location = response.headers.get("location") ?? "";
  const failed = response.status === 401 || /[?&]error=/.test(location) || (response.status === 200 && /error=/.test(await response.clone().text()));
  if (failed) await recordFailure(keys);
  else await recordSuccess(email);
  return response;
}

export { handler as GET, POST };
