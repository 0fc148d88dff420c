import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { AcceptInvitationForm } from "@/components/admin/accept-invitation-form";
import { utc } from "@/lib/dates";
import { siteName } from "@/lib/site";
import { CLOSED_INVITATION } from "@/lib/users/invitation";
import { openInvitation } from "@/lib/users/queries";
import { ROLE_LABELS } from "@/lib/users/schema";
import { acceptInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Join the newsroom", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

/** Where an invitation link leads: the invited person chooses a password, or learns why the link no longer works. */
export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const invitation = await openInvitation(token);
  return (
    <main id="main" className="mx-auto max-w-sm px-4 py-16">
      <h1 className="mb-4 font-serif text-3xl font-bold">Join {siteName}</h1>
      {!invitation ? (
        <p role="alert">This invitation link is not valid. Check that it was copied whole, or ask an administrator for a new one.</p>
      ) : invitation.state !== "open" ? (
        <p role="alert">{CLOSED_INVITATION[invitation.state]}</p>
      ) : (
        <>
          <p className="mb-6">
            You are invited as an <strong>{ROLE_LABELS[invitation.role].toLowerCase()}</strong> with the email{" "}
            <strong>{invitation.email}</strong>. Choose your password; this link works once, until {utc(invitation.expiresAt)}.
          </p>
          <AcceptInvitationForm token={token} name={invitation.name} email={invitation.email} accept={acceptInvitationAction} />
        </>
      )}
      <p className="mt-8 text-sm">
        <Link href="/login" className="underline">
          Sign in
        </Link>{" "}
        if you have an account already.
      </p>
    </main>
  );
}
