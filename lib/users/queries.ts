import "server-only";
import { authorized } from "@/lib/auth/actor";
import { containsAnyCase, db, type Prisma } from "@/lib/db";
import { pageCount, pageRows } from "@/lib/pagination";
import { displayName } from "./schema";
import { hashInvitationToken, invitationState, isInvitationToken } from "./invitation";

/** Whether anyone can sign in yet: before the first user, the workspace leads to /setup. Public: it tells only that. */
export async function hasAnyUser(): Promise<boolean> {
  return (await db.user.count()) > 0;
}

export const USERS_PAGE_SIZE = 50;

/** Everyone, by email: what the audit log's filter offers. */
export const listUsers = authorized("users:manage", async () => {
  return db.user.findMany({ orderBy: [{ email: "asc" }], select: { id: true, email: true, name: true } });
});

/** Users whose name or email contains every word typed, in any case. */
function nameOrEmailContains(q: string): Prisma.UserWhereInput {
  const words = q.trim().split(/\s+/).filter(Boolean).slice(0, 8);
  return { AND: words.map((word) => ({ OR: [{ name: containsAnyCase(word) }, { email: containsAnyCase(word) }] })) };
}

/**
 * A page of users for the admin screen, `q` narrowing by name or email: active ones first, the
 * newest first among them (whom an admin has just added is at the top), with live sessions counted.
 */
export const listUsersPage = authorized("users:manage", async (_user, { q = "", page = 1 }: { q?: string; page?: number }) => {
  const where = nameOrEmailContains(q.slice(0, 200));
  const [users, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ disabled: "asc" }, { createdAt: "desc" }, { id: "asc" }],
      ...pageRows(page, USERS_PAGE_SIZE),
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        disabled: true,
        createdAt: true,
        _count: { select: { sessions: { where: { expiresAt: { gt: new Date() } } } } },
      },
    }),
    db.user.count({ where }),
  ]);
  return { users, total, page, pages: pageCount(total, USERS_PAGE_SIZE) };
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
