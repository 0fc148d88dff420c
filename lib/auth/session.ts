import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { hasAnyUser } from "@/lib/users/queries";
import { authOptions } from "./options";
import type { Role } from "./schema";

export type CurrentUser = { id: string; email: string; name: string; role: Role };

/**
 * The signed-in user as the database has them now: a disabled account or a changed role
 * takes effect on the next request, whatever the session token still says.
 */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true, disabled: true } });
  if (!user || user.disabled) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export class AuthorizationError extends Error {
  constructor(public readonly reason: "signed-out" | "forbidden") {
    super(reason === "signed-out" ? "You are signed out. Sign in again; your text is kept in this form." : "Your role does not allow this.");
  }
}

/** For Server Actions and route handlers: the user, or an AuthorizationError. */
export async function requireUser(role?: Role): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AuthorizationError("signed-out");
  if (role === "ADMIN" && user.role !== "ADMIN") throw new AuthorizationError("forbidden");
  return user;
}

/** For pages: the user, or a redirect to sign-in (or to first-run setup when nobody exists yet). */
export async function requireUserPage(callbackUrl: string, role?: Role): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    if (!(await hasAnyUser())) redirect("/setup");
    redirect(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  }
  if (role === "ADMIN" && user.role !== "ADMIN") redirect("/admin/articles?denied=1");
  return user;
}
