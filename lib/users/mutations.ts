import "server-only";
import { db, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import type { NewUser, Role } from "@/lib/auth/schema";

// The one write path for users. Callers have checked that the actor is an ADMIN
// (first-run setup and the command line are the exceptions, and say so).

export class EmailTakenError extends Error {
  constructor() {
    super("A user with that email already exists.");
  }
}

export type UserChangeResult = { ok: true } | { ok: false; message: string };

const LAST_ADMIN = "This is the last active administrator: make another user an active administrator first.";

/** Creates a user; `onlyIfFirst` refuses (returns null) once any user exists — first-run setup. */
export async function createUser(input: NewUser, { onlyIfFirst = false, actor }: { onlyIfFirst?: boolean; actor?: Actor } = {}) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(
      async (tx) => {
        if (onlyIfFirst && (await tx.user.count()) > 0) return null;
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
      },
      { isolationLevel: "Serializable" },
    );
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new EmailTakenError();
    throw error;
  }
}

async function otherActiveAdmins(tx: Tx, userId: string): Promise<number> {
  return tx.user.count({ where: { role: "ADMIN", disabled: false, id: { not: userId } } });
}

/** Changes role and/or the disabled flag; refuses to leave the newsroom without an active admin. */
export async function updateUserAccess(actor: Actor, userId: string, change: { role?: Role; disabled?: boolean }): Promise<UserChangeResult> {
  return db.$transaction(
    async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, disabled: true } });
      if (!user) return { ok: false, message: "That user no longer exists." };
      const after = { role: change.role ?? user.role, disabled: change.disabled ?? user.disabled };
      const losesAdmin = user.role === "ADMIN" && !user.disabled && (after.role !== "ADMIN" || after.disabled);
      if (losesAdmin && (await otherActiveAdmins(tx, userId)) === 0) return { ok: false, message: LAST_ADMIN };
      await tx.user.update({ where: { id: userId }, data: after });
      const action = after.role !== user.role ? "role" : after.disabled ? "disable" : "enable";
      await recordAudit(tx, actor, { entityType: "user", entityId: userId, action, before: user, after });
      return { ok: true };
    },
    { isolationLevel: "Serializable" },
  );
}

export async function resetPassword(actor: Actor, userId: string, password: string): Promise<UserChangeResult> {
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({ where: { id: userId }, data: { passwordHash } });
    if (updated.count === 0) return { ok: false, message: "That user no longer exists." };
    await recordAudit(tx, actor, { entityType: "user", entityId: userId, action: "reset password" });
    return { ok: true };
  });
}
