import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { hasAnyUser } from "@/lib/users/queries";
import { authorize, AuthorizationError, type Actor, type StaffUser } from "./actor";
import { authOptions } from "./options";
import type { Permission } from "./policy";

/**
 * The actor of the current request: the session its cookie names, or null. Unchecked — pass it
 * to the workspace queries and mutations in lib/, which check it themselves.
 */
export async function getRequestActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  return session?.sessionId ? { sessionId: session.sessionId } : null;
}

/** The signed-in member of staff, or null (signed out, session ended, disabled). */
export async function currentStaff(): Promise<StaffUser | null> {
  try {
    return await authorize(await getRequestActor(), "workspace");
  } catch (error) {
    if (error instanceof AuthorizationError) return null;
    throw error;
  }
}

/**
 * For workspace pages, before they read anything: the actor and its user, or a redirect to
 * sign-in (to first-run setup while nobody exists), or to the articles list for the wrong role.
 * This only decides where to send the visitor: the queries the page then calls check the actor
 * again, so a page that forgot this call would still show nothing.
 */
export async function requireStaffPage(
  callbackUrl: string,
  permission: Permission = "workspace",
): Promise<{ actor: Actor; user: StaffUser }> {
  const actor = await getRequestActor();
  try {
    return { actor: actor!, user: await authorize(actor, permission) };
  } catch (error) {
    if (!(error instanceof AuthorizationError)) throw error;
    if (error.reason === "forbidden") redirect("/admin/articles?denied=1");
    if (!(await hasAnyUser())) redirect("/setup");
    redirect(`/login?callbackUrl=${encodeURIComponent(callbackUrl.slice(0, 500))}`);
  }
}
