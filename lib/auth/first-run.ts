import "server-only";
import { hasAnyUser } from "@/lib/users/queries";
import { setupAnnouncement } from "./setup-token";

/** At server start: while nobody exists, print where and how to create the first administrator. */
export async function announceSetupIfNeeded(): Promise<void> {
  try {
    if (await hasAnyUser()) return;
    const site = process.env.NEXTAUTH_URL || process.env.SITE_URL || `http://localhost:${process.env.PORT ?? 3000}`;
    console.log(`\n${setupAnnouncement(site)}\n`);
  } catch (error) {
    // A database that is not migrated yet, or down: the workspace will say so on first use.
    console.warn(`Could not check whether Byline is set up: ${(error as Error).message.split("\n")[0]}`);
  }
}
