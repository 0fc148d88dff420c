import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientAddress } from "./client-address";
import { checkCredentials } from "./credentials";
import { endSession, SESSION_MAX_AGE_SECONDS, startSession } from "./sessions";
import { signInOutcome } from "./sign-in-context";
import { DEVICE_COOKIE } from "./throttle";

/** Longest redirect target accepted after sign-in or sign-out; longer ones go to the workspace. */
export const MAX_REDIRECT_LENGTH = 1000;

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return undefined;
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const headers = (request?.headers ?? {}) as Record<string, string | undefined>;
        const result = await checkCredentials(credentials, {
          address: clientAddress(headers),
          deviceCookie: cookieValue(headers.cookie, DEVICE_COOKIE),
        });
        const outcome = signInOutcome();
        if (result.ok) {
          if (outcome) outcome.deviceCookie = result.deviceCookie;
          return result.user;
        }
        if (result.error === "CredentialsSignin") return null;
        if (result.error === "TooManyAttempts" && outcome) outcome.retryAfterSeconds = result.retryAfterSeconds;
        // next-auth answers a thrown error with /login?error=<message>.
        throw new Error(result.error);
      },
    }),
  ],
  callbacks: {
    jwt: async ({ token, user }) => {
      if (user) {
        token.id = user.id;
        token.role = user.role;
        token.sid = await startSession(user.id);
      }
      return token;
    },
    session: async ({ session, token }) => {
      if (session.user) {
        session.user.id = token.id;
        session.user.role = token.role;
      }
      session.sessionId = token.sid;
      return session;
    },
    // Only same-origin destinations of sensible length after sign-in and sign-out.
    redirect: async ({ url, baseUrl }) => {
      if (url.length > MAX_REDIRECT_LENGTH) return `${baseUrl}/admin`;
      if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\")) return `${baseUrl}${url}`;
      try {
        if (new URL(url).origin === baseUrl) return url;
      } catch {}
      return `${baseUrl}/admin`;
    },
  },
  events: {
    signOut: async ({ token }) => {
      if (token?.sid) await endSession(token.sid);
    },
  },
};
