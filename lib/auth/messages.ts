/** Said to a signed-in screen whose session has ended; the browser's scripts recognise it too. */
export const SIGNED_OUT_MESSAGE = "You are signed out. Sign in again; your text is kept in this form.";

/** What a sign-in failure tells the person (next-auth's error code in, words out). */
export function signInErrorMessage(error: string | null | undefined, status?: number): string {
  if (status === 429 || error === "TooManyAttempts") return "Too many attempts. Wait a few minutes and try again.";
  // Said only to someone who typed the account's right password (lib/auth/credentials.ts).
  if (error === "AccountDisabled") return "This account is disabled. Ask an administrator to enable it.";
  return "Email or password is incorrect.";
}
