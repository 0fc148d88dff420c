import "server-only";
import { randomBytes } from "node:crypto";
import { db, type Tx } from "@/lib/db";

/** How long a sign-in lasts: a long shift. The session cookie and the Session row expire together. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** Records a new sign-in and returns the id its cookie carries; expired sessions are purged on the way. */
export async function startSession(userId: string, now = new Date()): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await db.$transaction([
    db.session.deleteMany({ where: { expiresAt: { lte: now } } }),
    db.session.create({ data: { id, userId, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) } }),
  ]);
  return id;
}

/** Signing out: this browser's session ends; the user's other sessions go on. */
export async function endSession(sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

/**
 * Ends every session of a user, inside the caller's transaction: a password reset, disabling, a
 * role change or "sign out everywhere". Every cookie issued before is refused from the next request.
 */
export async function endAllSessions(tx: Tx, userId: string): Promise<number> {
  return (await tx.session.deleteMany({ where: { userId } })).count;
}
