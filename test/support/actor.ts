import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";

export type TestActor = { actor: { sessionId: string }; user: { id: string; email: string; name: string; role: "ADMIN" | "EDITOR" } };

/** A user of the role with a live session, as a signed-in browser would have: the actor lib/ functions take. */
export async function staffActor(
  db: Db,
  role: "ADMIN" | "EDITOR",
  name = `${role === "ADMIN" ? "Admin" : "Editor"} ${randomBytes(4).toString("hex")}`,
): Promise<TestActor> {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}@example.test`;
  const user = await db.user.create({
    data: { email, name, role, passwordHash: "x" },
    select: { id: true, email: true, name: true, role: true },
  });
  const session = await db.session.create({
    data: { id: randomBytes(24).toString("base64url"), userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) },
  });
  return { actor: { sessionId: session.id }, user };
}

/** A new session for an existing user (after one was ended): its actor. */
export async function sessionFor(db: Db, userId: string): Promise<{ sessionId: string }> {
  const session = await db.session.create({
    data: { id: randomBytes(24).toString("base64url"), userId, expiresAt: new Date(Date.now() + 3_600_000) },
  });
  return { sessionId: session.id };
}
