import "server-only";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type { NewUser } from "@/lib/auth/schema";

export class EmailTakenError extends Error {
  constructor() {
    super("A user with that email already exists.");
  }
}

/** Creates a user; `onlyIfFirst` refuses (returns null) once any user exists — first-run setup. */
export async function createUser(input: NewUser, { onlyIfFirst = false } = {}) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(
      async (tx) => {
        if (onlyIfFirst && (await tx.user.count()) > 0) return null;
        return tx.user.create({
          data: { email: input.email, name: input.name, role: input.role, passwordHash },
          select: { id: true, email: true, name: true, role: true },
        });
      },
      { isolationLevel: "Serializable" },
    );
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new EmailTakenError();
    throw error;
  }
}
