import "server-only";
import type { Outcome } from "@/lib/actions/form-state";
import { db, type Tx } from "@/lib/db";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { authorized } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import type { Invitee, NewUser, Role } from "@/lib/users/schema";
import { sendMail, mailConfigured } from "@/lib/mail";
import { siteName } from "@/lib/site";
import {
  CLOSED_INVITATION,
  hashInvitationToken,
  INVITATION_DAYS,
  invitationLink,
  invitationState,
  isInvitationToken,
  newInvitationToken,
} from "./invitation";
import { endAllSessions } from "@/lib/auth/sessions";
import { isSetupToken } from "@/lib/auth/setup-token";
import { displayName } from "@/lib/users/schema";

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

async function insertUser(input: Invitee, passwordHash: string, tx: Tx, actor: AuditActor | null) {
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

export type InvitationCreated = Outcome<{ link: string; expiresAt: string; emailed: boolean }>;

/**
 * An admin invites someone: a single-use link, valid INVITATION_DAYS, that lets them choose their
 * own password. A new invitation to the same address withdraws the earlier one. The link is
 * returned for the admin to pass on, and emailed too when email is configured.
 */
export const inviteUser = authorized("users:manage", async (admin, input: Invitee): Promise<InvitationCreated> => {
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
  const created = await db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) return false;
    await tx.invitation.updateMany({ where: { email: input.email, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    const invitation = await tx.invitation.create({
      data: { tokenHash, email: input.email, name: input.name, role: input.role, createdById: admin.id, expiresAt },
    });
    await recordAudit(tx, admin, {
      entityType: "invitation",
      entityId: invitation.id,
      action: "invite",
      after: { email: input.email, name: input.name, role: input.role, expiresAt },
    });
    return true;
  });
  if (!created)
    return { ok: false, message: "Some fields need attention.", fieldErrors: { email: ["A user with that email already exists."] } };
  const link = invitationLink(token);
  const mail = mailConfigured()
    ? await sendMail({
        to: input.email,
        subject: `You are invited to ${siteName}`,
        text: `${displayName(admin)} invited you to ${siteName}'s newsroom workspace as ${input.role === "ADMIN" ? "an administrator" : "an editor"}.\n\nChoose your password here (the link works once, until ${expiresAt.toUTCString()}):\n${link}\n`,
      })
    : null;
  const message = mail?.sent
    ? `Invitation emailed to ${input.email}. The link below works too.`
    : mail
      ? `Could not email ${input.email} (${mail.reason}): pass the link below on yourself.`
      : `Invitation created for ${input.email}: pass the link below on.`;
  return { ok: true, message, link, expiresAt: expiresAt.toISOString(), emailed: !!mail?.sent };
});

/** Withdraws an invitation that has not been used: its link stops working at once. */
export const withdrawInvitation = authorized("users:manage", async (admin, invitationId: string): Promise<Outcome> => {
  return db.$transaction(async (tx) => {
    const withdrawn = await tx.invitation.updateMany({
      where: { id: invitationId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (withdrawn.count === 0) return { ok: false, message: "That invitation has been used or withdrawn already." };
    await recordAudit(tx, admin, { entityType: "invitation", entityId: invitationId, action: "withdraw" });
    return { ok: true, message: "Invitation withdrawn: its link no longer works." };
  });
});

/**
 * The invited person accepts: their account, with the password they chose. Guarded by the token
 * itself (256 random bits, stored only as a hash); the link works once, claimed in the same
 * transaction that creates the account, so two tabs racing create one account.
 */
export async function acceptInvitation(token: unknown, input: { name: string; password: string }): Promise<Outcome<{ email: string }>> {
  if (!isInvitationToken(token)) return { ok: false, message: "This invitation link is not valid. Check that it was copied whole." };
  const invitation = await db.invitation.findUnique({ where: { tokenHash: hashInvitationToken(token) } });
  if (!invitation) return { ok: false, message: "This invitation link is not valid. Check that it was copied whole." };
  const now = new Date();
  const state = invitationState(invitation, now);
  if (state !== "open") return { ok: false, message: CLOSED_INVITATION[state] };
  const passwordHash = await hashPassword(input.password);
  try {
    return await emailTakenAsError(() =>
      db.$transaction(async (tx): Promise<Outcome<{ email: string }>> => {
        const claimed = await tx.invitation.updateMany({
          where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
          data: { acceptedAt: now },
        });
        if (claimed.count !== 1) return { ok: false, message: CLOSED_INVITATION.used };
        const user = await insertUser(
          { email: invitation.email, name: input.name || invitation.name, role: invitation.role },
          passwordHash,
          tx,
          null,
        );
        return { ok: true, email: user.email };
      }),
    );
  } catch (error) {
    if (!(error instanceof EmailTakenError)) throw error;
    return { ok: false, message: "An account with this email exists already: sign in instead." };
  }
}
