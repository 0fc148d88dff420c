import "server-only";
import type { Outcome } from "@/lib/actions/form-state";
import { db, type Tx } from "@/lib/db";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { authorized } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import type { NewUser, Role } from "@/lib/users/schema";
import { endAllSessions } from "@/lib/auth/sessions";
import { isSetupToken } from "@/lib/auth/setup-token";

// The one write path for users. Workspace changes take the acting admin and check it; first-run
// setup (with its token) and the command line are the two ways in without one, and say so.

export class EmailTakenError extends Error {
  constructor() {
    super("A user with that email already exists.");
  }
}

export type UserChangeResult = Outcome;

const LAST_ADMIN = "This is the last active administrator: make another user an active administrator first.";
const GONE: UserChangeResult = { ok: false, message: "That user no longer exists." };

async function insertUser(input: NewUser, passwordHash: string, tx: Tx, actor: AuditActor | null) {
  const user = await tx.user.create({
    data: { email: input.email, name: input.name, role: input.role, passwordHash },
    select: { id: true, email: true, name: true, role: true },
  });
  await recordAudit(tx, actor ?? { id: user.id, name: user.name, email: user.email }, {
    entityType: "user",
    entityId: user.id,
    action: "create",
    after: { email: user.email, name: user.name, role: user.role },
  });
  return user;
}

async function emailTakenAsError<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new EmailTakenError();
    throw error;
  }
}

/** An admin creates a user. */
export const createUser = authorized("users:manage", async (admin, input: NewUser): Promise<Outcome> => {
  const passwordHash = await hashPassword(input.password);
  try {
    await emailTakenAsError(() => db.$transaction((tx) => insertUser(input, passwordHash, tx, admin)));
  } catch (error) {
    if (!(error instanceof EmailTakenError)) throw error;
    return { ok: false, message: "Some fields need attention.", fieldErrors: { email: [error.message] } };
  }
  return { ok: true, message: `Created ${input.email}.` };
});

export type FirstAdminResult = { ok: true } | { ok: false; reason: "token" | "done" };

/**
 * First-run setup: the first user, an admin, for whoever holds the setup token printed in the
 * server log. Refused without the token, and once anyone exists — checked before any hashing.
 */
export async function createFirstAdmin(token: unknown, input: NewUser): Promise<FirstAdminResult> {
  if (!isSetupToken(token)) return { ok: false, reason: "token" };
  if ((await db.user.count()) > 0) return { ok: false, reason: "done" };
  const passwordHash = await hashPassword(input.password);
  const created = await emailTakenAsError(() =>
    db.$transaction(
      async (tx) =>
        (await tx.user.count()) > 0 ? null : insertUser({ ...input, role: "ADMIN" }, passwordHash, tx, { system: "first-run setup" }),
      { isolationLevel: "Serializable" },
    ),
  );
  return created ? { ok: true } : { ok: false, reason: "done" };
}

/** `npm run user:create`: whoever can run commands on the server is trusted already. */
export async function createUserFromCommandLine(input: NewUser) {
  const passwordHash = await hashPassword(input.password);
  return emailTakenAsError(() => db.$transaction((tx) => insertUser(input, passwordHash, tx, { system: "command line" })));
}

async function otherActiveAdmins(tx: Tx, userId: string): Promise<number> {
  return tx.user.count({ where: { role: "ADMIN", disabled: false, id: { not: userId } } });
}

/**
 * Changes role and/or the disabled flag; refuses to leave the newsroom without an active admin.
 * Either change ends the user's sessions: they sign in again under the new rules.
 */
export const updateUserAccess = authorized(
  "users:manage",
  async (admin, userId: string, change: { role?: Role; disabled?: boolean }): Promise<UserChangeResult> => {
    return db.$transaction(
      async (tx) => {
        const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, disabled: true } });
        if (!user) return GONE;
        const after = { role: change.role ?? user.role, disabled: change.disabled ?? user.disabled };
        if (after.role === user.role && after.disabled === user.disabled) return { ok: true };
        const losesAdmin = user.role === "ADMIN" && !user.disabled && (after.role !== "ADMIN" || after.disabled);
        if (losesAdmin && (await otherActiveAdmins(tx, userId)) === 0) return { ok: false, message: LAST_ADMIN };
        await tx.user.update({ where: { id: userId }, data: after });
        const sessionsEnded = await endAllSessions(tx, userId);
        const action = after.role !== user.role ? "role" : after.disabled ? "disable" : "enable";
        await recordAudit(tx, admin, { entityType: "user", entityId: userId, action, before: user, after: { ...after, sessionsEnded } });
        return { ok: true };
      },
      { isolationLevel: "Serializable" },
    );
  },
);

/** Sets a new password and ends every session: a stolen cookie does not outlive the reset. */
export const resetPassword = authorized("users:manage", async (admin, userId: string, password: string): Promise<UserChangeResult> => {
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({ where: { id: userId }, data: { passwordHash } });
    if (updated.count === 0) return GONE;
    const sessionsEnded = await endAllSessions(tx, userId);
    await recordAudit(tx, admin, { entityType: "user", entityId: userId, action: "reset password", after: { sessionsEnded } });
    return { ok: true };
  });
});

/** "Sign out everywhere": every browser signed in as this user is signed out. */
export const signOutEverywhere = authorized("users:manage", async (admin, userId: string): Promise<UserChangeResult> => {
  return db.$transaction(async (tx) => {
    if (!(await tx.user.findUnique({ where: { id: userId }, select: { id: true } }))) return GONE;
    const sessionsEnded = await endAllSessions(tx, userId);
    await recordAudit(tx, admin, { entityType: "user", entityId: userId, action: "sign out everywhere", after: { sessionsEnded } });
    return { ok: true };
  });
});
