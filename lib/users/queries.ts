import "server-only";
import { db } from "@/lib/db";

/** Whether anyone can sign in yet: before the first user, the workspace leads to /setup. */
export async function hasAnyUser(): Promise<boolean> {
  return (await db.user.count()) > 0;
}

export async function listUsers() {
  return db.user.findMany({ orderBy: [{ disabled: "asc" }, { email: "asc" }], select: { id: true, email: true, name: true, role: true, disabled: true, createdAt: true } });
}
