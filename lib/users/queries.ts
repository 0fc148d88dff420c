import "server-only";
import { authorized } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { displayName } from "./schema";
import { hashInvitationToken, invitationState, isInvitationToken } from "./invitation";

/** Whether anyone can sign in yet: before the first user, the workspace leads to /setup. Public: it tells only that. */
export async function hasAnyUser(): Promise<boolean> {
  return (await db.user.count()) > 0;
}

export const listUsers = authorized("users:manage", async () => {
  return db.user.findMany({
    orderBy: [{ disabled: "asc" }, { email: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabled: true,
      createdAt: true,
      _count: { select: { sessions: { where: { expiresAt: { gt: new Date() } } } } },
    },
  });
});

/** Invitations not used or withdrawn, newest first, expired ones marked so. */
export const listInvitations = authorized("users:manage", async () => {
  const now = new Date();
  const rows = await db.invitation.findMany({
    where: { acceptedAt: null, revokedAt: null },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      createdAt: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      createdBy: { select: { name: true, email: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    expiresAt: r.expiresAt,
    by: r.createdBy ? displayName(r.createdBy) : "(deleted user)",
    state: invitationState(r, now),
  }));
});

/** What an invitation link opens, for the person holding it (the token is the guard): null if it is not one. */
export async function openInvitation(token: unknown) {
  if (!isInvitationToken(token)) return null;
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: { email: true, name: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true },
  });
  if (!invitation) return null;
  return {
    email: invitation.email,
    name: invitation.name,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
    state: invitationState(invitation, new Date()),
  };
}
