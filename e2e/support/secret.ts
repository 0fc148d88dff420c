/** The session secret of the servers the end-to-end tests start (and so of their setup token). */
export const E2E_SECRET = "e2e-only-secret-not-for-production";
