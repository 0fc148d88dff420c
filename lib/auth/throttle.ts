import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { RateLimiterPrisma, RateLimiterUnion, type RateLimiterAbstract, type RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db";

/**
 * Sign-in throttling, built on rate-limiter-flexible with its Prisma store, so the counters live
 * in the database in use (SQLite or PostgreSQL), shared by every instance, and each count is one
 * atomic upsert. An attempt is counted *before* its password is checked, so a burst of parallel
 * requests cannot get more tries than the limit; a right password clears the account's count.
 *
 * It cannot be turned into a lock-out of the people it protects:
 * - A browser that has signed in to an account before carries a device cookie for that account
 *   (HMAC-signed with the session secret), and its attempts count only against that device's
 *   own limit: an attacker hammering the account from elsewhere does not lock its owner out.
 * - Other clients are slowed per account in widening windows (a few tries, then a few an hour,
 *   then a few a day) and per client address (lib/auth/client-address.ts).
 */

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Per account, from clients it has never trusted: each tier must have room for an attempt. */
export const ACCOUNT_TIERS = [
  { points: 5, duration: 15 * MINUTE },
  { points: 10, duration: HOUR },
  { points: 30, duration: DAY },
] as const;
/** Per client address, all accounts together (a newsroom may share one address). */
export const ADDRESS_LIMIT = { points: 50, duration: 15 * MINUTE };
/** Per trusted device, so that a stolen device cookie is no free pass either. */
export const DEVICE_LIMIT = { points: 10, duration: 15 * MINUTE };

export const DEVICE_COOKIE = "byline-device";
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * DAY;

type Limiters = {
  account: RateLimiterUnion;
  accountTiers: RateLimiterAbstract[];
  address: RateLimiterAbstract;
  device: RateLimiterAbstract;
};
const globalForLimiters = globalThis as unknown as { bylineSignInLimiters?: Limiters };

function limiter(keyPrefix: string, { points, duration }: { points: number; duration: number }) {
  // The store purges rows that expired over an hour ago, every five minutes (timer unref'd).
  return new RateLimiterPrisma({ storeClient: db, tableName: "rateLimiterFlexible", keyPrefix, points, duration });
}

function limiters(): Limiters {
  return (globalForLimiters.bylineSignInLimiters ??= (() => {
    const accountTiers = ACCOUNT_TIERS.map((tier, i) => limiter(`signin-account-${i}`, tier));
    return {
      account: new RateLimiterUnion(...accountTiers),
      accountTiers,
      address: limiter("signin-address", ADDRESS_LIMIT),
      device: limiter("signin-device", DEVICE_LIMIT),
    };
  })());
}

/** Keys are hashed: bounded in length whatever the client sends, and no email address at rest. */
const keyOf = (value: string) => createHash("sha256").update(value).digest("base64url").slice(0, 32);

/** The stored key of a client address's counter (for tests and for an admin looking at the table). */
export const addressThrottleKey = (address: string) => `signin-address:${keyOf(address)}`;

export type Attempt = {
  /** The normalised email address tried. */
  account: string;
  /** lib/auth/client-address.ts */
  address: string;
  /** The id of a device cookie that is valid for this account, or null. */
  device: string | null;
};

export type Reservation = { ok: true } | { ok: false; retryAfterSeconds: number };

function retryAfter(rejection: unknown): number {
  const results = (
    rejection && typeof rejection === "object" && "msBeforeNext" in rejection ? [rejection] : Object.values(rejection ?? {})
  ) as RateLimiterRes[];
  if (!results.every((r) => r && typeof r.msBeforeNext === "number")) throw rejection;
  return Math.max(1, ...results.map((r) => Math.ceil(r.msBeforeNext / 1000)));
}

/** Counts an attempt before its password is checked; refuses it if a limit is reached. */
export async function reserveAttempt(attempt: Attempt): Promise<Reservation> {
  const { account, address, device } = limiters();
  try {
    if (attempt.device) {
      await device.consume(keyOf(attempt.device));
    } else {
      // The address first: an attacker already refused by address no longer charges the account.
      await address.consume(keyOf(attempt.address));
      await account.consume(keyOf(attempt.account));
    }
    return { ok: true };
  } catch (rejection) {
    return { ok: false, retryAfterSeconds: retryAfter(rejection) };
  }
}

/**
 * The right password. The account's failures start afresh (they count failures since the last
 * sign-in, as an owner would expect), the address gets this attempt's point back, and a trusted
 * device starts afresh.
 */
export async function attemptSucceeded(attempt: Attempt): Promise<void> {
  const { accountTiers, address, device } = limiters();
  if (attempt.device) {
    await device.delete(keyOf(attempt.device));
    return;
  }
  await Promise.all([address.reward(keyOf(attempt.address)), ...accountTiers.map((tier) => tier.delete(keyOf(attempt.account)))]);
}

function deviceMac(deviceId: string, account: string): Buffer {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  return createHmac("sha256", secret).update(`byline-device:${deviceId}:${account}`).digest();
}

/** The device cookie's value after a successful sign-in to `account` (keeping the device's id if it had one). */
export function deviceCookieValue(account: string, deviceId = randomBytes(18).toString("base64url")): string {
  return `${deviceId}.${deviceMac(deviceId, account).toString("base64url")}`;
}

/** The device id if the cookie was issued by this server for this account, else null. */
export function trustedDevice(cookie: string | undefined, account: string): string | null {
  const match = /^([A-Za-z0-9_-]{24})\.([A-Za-z0-9_-]{43})$/.exec(cookie ?? "");
  if (!match) return null;
  const given = Buffer.from(match[2], "base64url");
  const expected = deviceMac(match[1], account);
  return given.length === expected.length && timingSafeEqual(given, expected) ? match[1] : null;
}
