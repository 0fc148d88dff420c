import { createHash, randomBytes } from "node:crypto";
import { siteUrl } from "@/lib/site";

/** How long an invitation link stays usable. */
export const INVITATION_DAYS = 7;

/** A fresh invitation token (256 random bits, URL-safe) and the hash that is all the database keeps. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const isInvitationToken = (value: unknown): value is string => typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value);

export function invitationLink(token: string): string {
  return `${siteUrl}/invite/${token}`;
}

export type InvitationState = "open" | "used" | "withdrawn" | "expired";

export function invitationState(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationState {
  if (invitation.acceptedAt) return "used";
  if (invitation.revokedAt) return "withdrawn";
  return invitation.expiresAt > now ? "open" : "expired";
}

/** What someone opening a link that no longer works is told. */
export const CLOSED_INVITATION: Record<Exclude<InvitationState, "open">, string> = {
  used: "This invitation has been used already. Sign in with the email and password chosen then.",
  withdrawn: "This invitation was withdrawn. Ask an administrator for a new one.",
  expired: `This invitation has expired (links last ${INVITATION_DAYS} days). Ask an administrator for a new one.`,
};
