import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * First-run setup is guarded by a token that the server prints to its log while nobody exists
 * (as Jupyter does), so whoever reaches a fresh deployment first cannot make themselves its
 * administrator. It is derived from the session secret, so every instance prints the same one,
 * and it opens nothing once the first user exists.
 */
export function setupToken(secret = process.env.NEXTAUTH_SECRET): string {
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  return createHmac("sha256", secret).update("byline-first-run-setup").digest("base64url").slice(0, 32);
}

export function isSetupToken(given: unknown): boolean {
  if (typeof given !== "string" || given.length !== 32) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(setupToken()));
}

export function setupAnnouncement(siteUrl: string): string {
  return [
    "Byline is not set up yet: nobody can sign in. To create the first administrator, open",
    `  ${siteUrl.replace(/\/$/, "")}/setup?token=${setupToken()}`,
    "or run: npm run user:create -- --email you@example.org --password '…' --role ADMIN",
  ].join("\n");
}
