// Runs once when a Byline server starts: refuse to run without a session secret rather than
// fail every sign-in later with a generic error.
export function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  if (!process.env.NEXTAUTH_SECRET) {
    throw new Error(
      "Byline cannot start: NEXTAUTH_SECRET is not set. Set it in the environment (or in .env) to a long random string, " +
        "e.g. `openssl rand -base64 32`. For a local trial, `npm run quickstart` generates one.",
    );
  }
}
