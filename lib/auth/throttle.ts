import "server-only";
import { db } from "@/lib/db";

/**
 * Failed sign-ins allowed in one window: few per account (password guessing), more per client
 * address, since a whole newsroom may share one address behind its firewall.
 */
export const MAX_ACCOUNT_FAILURES = 5;
export const MAX_ADDRESS_FAILURES = 30;
export const WINDOW_MS = 15 * 60 * 1000;
const limitOf = (key: string) => (key.startsWith("account:") ? MAX_ACCOUNT_FAILURES : MAX_ADDRESS_FAILURES);

export const throttleKeys = (email: string, address: string) => [`account:${email.trim().toLowerCase()}`, `address:${address}`];

/** Seconds until sign-in is allowed again for any of the keys, or 0. Checked before the password. */
export async function secondsBlocked(keys: string[], now = new Date()): Promise<number> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys } } });
  let wait = 0;
  for (const row of rows) {
    const ends = row.windowStart.getTime() + WINDOW_MS;
    if (row.failures >= limitOf(row.key) && ends > now.getTime()) wait = Math.max(wait, Math.ceil((ends - now.getTime()) / 1000));
  }
  return wait;
}

/** Counts a failed sign-in against every key; a window older than WINDOW_MS starts again. */
export async function recordFailure(keys: string[], now = new Date()): Promise<void> {
  const windowOpen = new Date(now.getTime() - WINDOW_MS);
  for (const key of keys) {
    await db.$transaction(async (tx) => {
      const row = await tx.loginThrottle.findUnique({ where: { key } });
      if (!row || row.windowStart < windowOpen) {
        await tx.loginThrottle.upsert({ where: { key }, create: { key, failures: 1, windowStart: now }, update: { failures: 1, windowStart: now } });
      } else {
        await tx.loginThrottle.update({ where: { key }, data: { failures: { increment: 1 } } });
      }
    });
  }
}

/** A successful sign-in clears the account's count (the address keeps its own). */
export async function recordSuccess(email: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: `account:${email.trim().toLowerCase()}` } });
}
