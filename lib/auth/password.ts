import "server-only";
import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's OWASP-style defaults (m=19456 KiB, t=2, p=1).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against this when there is no usable hash makes every failure cost the same time.
let dummyHash: Promise<string> | undefined;
function dummyPasswordHash(): Promise<string> {
  return (dummyHash ??= hash("not-a-real-password-for-timing-only"));
}

/**
 * Whether the password matches. An unknown email, or a user with no usable hash (imported, never
 * set), costs one full argon2 verification like a real user, so timing reveals neither.
 */
export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  const usable = typeof passwordHash === "string" && passwordHash.startsWith("$argon2");
  try {
    const matches = await verify(usable ? passwordHash : await dummyPasswordHash(), password);
    return usable && matches;
  } catch {
    return false;
  }
}
