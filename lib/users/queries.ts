import "server-only";
import { authorized } from "@/lib/auth/actor";
import { db } from "@/lib/db";

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
