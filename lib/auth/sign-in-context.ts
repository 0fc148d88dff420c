import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What the credentials check learns that the auth route must put on its response: how long a
 * throttled client must wait (Retry-After), and the device cookie to set after a sign-in.
 * next-auth's `authorize` can only return a user or throw, so it leaves these here.
 */
export type SignInOutcome = { retryAfterSeconds?: number; deviceCookie?: string };

const storage = new AsyncLocalStorage<SignInOutcome>();

export function withSignInOutcome<T>(outcome: SignInOutcome, run: () => Promise<T>): Promise<T> {
  return storage.run(outcome, run);
}

export function signInOutcome(): SignInOutcome | undefined {
  return storage.getStore();
}
