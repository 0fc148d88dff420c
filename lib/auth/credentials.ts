import "server-only";
import { db } from "@/lib/db";
import { verifyPassword } from "./password";
import type { Role } from "@/lib/users/schema";
import { signInSchema } from "./schema";
import { attemptSucceeded, deviceCookieValue, reserveAttempt, trustedDevice } from "./throttle";

export type SignInUser = { id: string; email: string; name: string; role: Role };
export type SignInResult =
  | { ok: true; user: SignInUser; deviceCookie: string }
  | { ok: false; error: "CredentialsSignin" | "AccountDisabled" }
  | { ok: false; error: "TooManyAttempts"; retryAfterSeconds: number };

/**
 * The one password check: every way into a session passes through here (next-auth's credentials
 * `authorize`), so no route, path variant, duplicated field or content type can skip the throttle.
 * A disabled account is named only to someone who knew its password.
 */
export async function checkCredentials(input: unknown, client: { address: string; deviceCookie?: string }): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "CredentialsSignin" };
  const { email, password } = parsed.data;
  const attempt = { account: email, address: client.address, device: trustedDevice(client.deviceCookie, email) };
  const reservation = await reserveAttempt(attempt);
  if (!reservation.ok) return { ok: false, error: "TooManyAttempts", retryAfterSeconds: reservation.retryAfterSeconds };
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, disabled: true, passwordHash: true },
  });
  if (!(await verifyPassword(user?.passwordHash, password)) || !user) return { ok: false, error: "CredentialsSignin" };
  await attemptSucceeded(attempt);
  if (user.disabled) return { ok: false, error: "AccountDisabled" };
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    deviceCookie: deviceCookieValue(email, attempt.device ?? undefined),
  };
}
