import type { DefaultSession } from "next-auth";

type Role = "ADMIN" | "EDITOR";

declare module "next-auth" {
  interface User {
    id: string;
    role: Role;
  }
  interface Session {
    user: { id: string; role: Role } & DefaultSession["user"];
    /** The Session row this cookie names (lib/auth/sessions.ts). */
    sessionId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    id: string;
    role: Role;
    /** The Session row: checked on every request, deleted to end the session. */
    sid?: string;
  }
}
