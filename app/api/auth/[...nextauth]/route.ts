// next-auth's endpoints (sign-in, sign-out, session, CSRF). The password check and its throttle
// live in lib/auth/credentials.ts, inside next-auth's `authorize`, so they hold for every path
// variant. This wrapper only bounds what next-auth would read, and puts the check's outcome
// (Retry-After, the device cookie) on the response.
import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { authBodyProblem, authRequestProblem, readBoundedBody, signInResponse } from "@/lib/auth/endpoint";
import { withSignInOutcome, type SignInOutcome } from "@/lib/auth/sign-in-context";

const handler = NextAuth(authOptions);
type Context = { params: Promise<{ nextauth: string[] }> };

async function handle(request: NextRequest, context: Context): Promise<Response> {
  const problem = authRequestProblem(request);
  if (problem) return problem;
  const body = await readBoundedBody(request);
  if (body instanceof Response) return body;
  const bodyProblem = authBodyProblem(request, body);
  if (bodyProblem) return bodyProblem;
  const bounded = body === null ? request : new NextRequest(request.url, { method: request.method, headers: request.headers, body });
  const outcome: SignInOutcome = {};
  const response: Response = await withSignInOutcome(outcome, () => handler(bounded, context));
  return signInResponse(response, outcome, request);
}

export { handle as GET, handle as POST };
