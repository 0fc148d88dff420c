import "server-only";
import { db } from "@/lib/db";

/** Whether anyone can sign in yet: before the first user, the workspace leads to /setup. */
export async function hasAnyUser(): Promise<boolean> {
  return (await db.user.count()) > 0;
}
