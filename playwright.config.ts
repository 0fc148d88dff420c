import { defineConfig, devices } from "@playwright/test";
import { markdownViewState } from "./e2e/support/body-view";
import { E2E_SECRET } from "./e2e/support/secret";

// End-to-end tests drive Debian's Chromium against a production build (`next build`, then `node server.mjs`).
// scripts/test.mjs prepares the database and the build; E2E_DATABASE_URL names that database.
const port = Number(process.env.E2E_PORT ?? 3217);
const baseURL = `http://127.0.0.1:${port}`;
const databaseUrl = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";
// With REDIS_URL, a second instance shares the database and the Redis cache (e2e/scale-out.spec.ts).
const redisUrl = process.env.REDIS_URL;
const secondPort = port + 1;

if (!/^file:|^postgres(ql)?:\/\/[^@/]*@?(127\.0\.0\.1|localhost)[:/]/.test(databaseUrl)) {
  throw new Error(`Refusing to run end-to-end tests against a non-local database: ${databaseUrl}`);
}

function server(listenPort: number) {
  const url = `http://127.0.0.1:${listenPort}`;
  return {
    command: `node server.mjs -H 127.0.0.1 -p ${listenPort}`,
    url: `${url}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      DATABASE_URL: databaseUrl,
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
      NEXTAUTH_SECRET: E2E_SECRET,
      // The tests stand in for a proxy: X-Forwarded-For gives each attack test a client address of
      // its own (e2e/trusted-proxy.spec.ts starts an instance without this to check the default).
      TRUSTED_PROXY_HOPS: "1",
      NEXTAUTH_URL: baseURL,
      SITE_URL: baseURL,
      // Both instances share it, as they would a volume (or set S3_BUCKET for a bucket).
      MEDIA_DIR: "data/e2e-media",
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_OPTIONS: "",
    },
  };
}

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    // The suite writes bodies in the Markdown view (the textarea); e2e/rich-text.spec.ts uses rich text.
    storageState: markdownViewState(baseURL),
    trace: "retain-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
  },
  projects: [
    // First-run setup needs a database with no users, so it runs before everything else.
    { name: "first-run", testMatch: /first-run\.spec\.ts/, use: { ...devices["Desktop Chrome"] } },
    {
      name: "chromium",
      testIgnore: [
        /first-run\.spec\.ts/,
        // The README's screenshots are taken by `npm run screens`, not by the test suite.
        ...(process.env.SCREENS ? [] : [/screens\.spec\.ts/]),
        // The axe scans check markup, the same on both engines: CI's first engine run does them.
        ...(process.env.SECOND_ENGINE_RUN ? [/workspace-a11y\.spec\.ts/] : []),
      ],
      dependencies: ["first-run"],
      use: { ...devices["Desktop Chrome"] },
    },
    // Readers get the same pages with JavaScript off: every reader test runs again without it (in
    // CI's first engine run only: the HTML is the same on both, scripts/test.mjs).
    ...(process.env.SECOND_ENGINE_RUN
      ? []
      : [
          {
            name: "reader-without-javascript",
            testMatch: /reader\.spec\.ts/,
            dependencies: ["first-run"],
            use: { ...devices["Desktop Chrome"], javaScriptEnabled: false },
          },
        ]),
  ],
  webServer: redisUrl ? [server(port), server(secondPort)] : [server(port)],
});
