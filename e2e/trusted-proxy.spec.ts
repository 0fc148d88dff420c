import { spawn, type ChildProcess } from "node:child_process";
import { addressThrottleKey } from "@/lib/auth/throttle";
import { createUser, expect, test } from "./fixtures";
import { E2E_SECRET } from "./support/secret";

// The default, with no TRUSTED_PROXY_HOPS: the client address is the socket's, recorded by the
// server itself, and an X-Forwarded-For header a client writes changes nothing. (The suite's main
// servers trust one hop, which the tests stand in for.) This instance shares the test database.
const port = Number(process.env.E2E_PORT ?? 3217) + 3;
const base = `http://127.0.0.1:${port}`;
let server: ChildProcess | undefined;

test.afterEach(() => {
  try {
    if (server?.pid) process.kill(-server.pid, "SIGKILL");
  } catch {}
  server = undefined;
});

test("without a trusted proxy, failures count against the socket address whatever X-Forwarded-For says", async ({ db }) => {
  test.setTimeout(60_000);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_OPTIONS: "",
    DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db",
    NEXTAUTH_SECRET: E2E_SECRET,
    NEXTAUTH_URL: base,
  };
  delete env.TRUSTED_PROXY_HOPS;
  delete env.REDIS_URL;
  server = spawn("node", ["server.mjs", "-H", "127.0.0.1", "-p", String(port)], { env, stdio: "ignore", detached: true });
  await expect
    .poll(
      () =>
        fetch(`${base}/login`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 30_000 },
    )
    .toBe(200);

  const user = await createUser("EDITOR");
  const socketKey = addressThrottleKey("127.0.0.1");
  const points = async (key: string) => (await db.rateLimiterFlexible.findUnique({ where: { key } }))?.points ?? 0;
  const before = await points(socketKey);
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const cookie = csrfResponse.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const spoofed = ["192.0.2.201", "192.0.2.202", "192.0.2.203"];
  for (const address of spoofed) {
    const response = await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": address },
      body: new URLSearchParams({ csrfToken, email: user.email, password: "guess", json: "true" }),
    });
    expect(response.status).toBe(401);
  }
  expect(await points(socketKey)).toBe(before + 3);
  for (const address of spoofed) expect(await points(addressThrottleKey(address)), address).toBe(0);
});
