import "server-only";
import { db } from "@/lib/db";
import { roleMay, type Permission } from "./policy";
import { SIGNED_OUT_MESSAGE } from "./messages";
import type { Role } from "@/lib/users/schema";

/**
 * Who is asking: the session a request's cookie names. Not trusted by itself: every workspace
 * query and mutation hands it to `authorize`, which checks it against the database first.
 */
export type Actor = { readonly sessionId: string };

/** A member of staff as the database has them at this moment, after every check passed. */
export type StaffUser = { id: string; email: string; name: string; role: Role; sessionId: string };

export class AuthorizationError extends Error {
  constructor(public readonly reason: "signed-out" | "forbidden") {
    super(reason === "signed-out" ? SIGNED_OUT_MESSAGE : "Your role does not allow this.");
  }
}

/**
 * The actor's user if the session still exists and has not expired, the user is not disabled and
 * the role has the permission; an AuthorizationError otherwise. One primary-key read.
 */
export async function authorize(actor: Actor | null | undefined, permission: Permission): Promise<StaffUser> {
  const sessionId = typeof actor?.sessionId === "string" ? actor.sessionId : "";
  if (!sessionId) throw new AuthorizationError("signed-out");
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: { expiresAt: true, user: { select: { id: true, email: true, name: true, role: true, disabled: true } } },
  });
  if (!session || session.expiresAt.getTime() <= Date.now() || session.user.disabled) throw new AuthorizationError("signed-out");
  if (!roleMay(session.user.role, permission)) throw new AuthorizationError("forbidden");
  const { id, email, name, role } = session.user;
  return { id, email, name, role, sessionId };
}

/** A workspace query or mutation: takes the actor first and will not run its body without the permission. */
export type Authorized<Args extends unknown[], Result> = ((actor: Actor | null | undefined, ...args: Args) => Promise<Result>) & {
  readonly permission: Permission;
};

/**
 * Wraps the body of a workspace query or mutation so that it cannot run for an actor who lacks the
 * permission. The permission is kept on the function, so a test can enumerate every export and
 * prove each one refuses.
 */
export function authorized<Args extends unknown[], Result>(
  permission: Permission,
  body: (user: StaffUser, ...args: Args) => Promise<Result>,
): Authorized<Args, Result> {
  const run = async (actor: Actor | null | undefined, ...args: Args) => body(await authorize(actor, permission), ...args);
  return Object.assign(run, { permission });
}
