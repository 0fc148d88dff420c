// Runs once when a Byline server starts: refuses to run without a session secret (rather than
// fail every sign-in later), records each request's socket address for the sign-in throttle,
// while nobody can sign in yet, prints the first-run setup link with its token, and starts polling
// the wires and feeds admins have set up (lib/ingest/schedule.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  if (!process.env.NEXTAUTH_SECRET) {
    throw new Error(
      "Byline cannot start: NEXTAUTH_SECRET is not set. Set it in the environment (or in .env) to a long random string, " +
        "e.g. `openssl rand -base64 32`. For a local trial, `npm run quickstart` generates one.",
    );
  }
  const { recordPeerAddresses } = await import("./lib/auth/client-address");
  recordPeerAddresses();
  const { announceSetupIfNeeded } = await import("./lib/auth/first-run");
  void announceSetupIfNeeded();
  const [{ startIngestScheduler }, { db }] = await Promise.all([import("./lib/ingest/schedule"), import("./lib/db")]);
  void startIngestScheduler(db).catch((error: Error) => console.error(`[ingest] not started: ${error.message}`));
}
