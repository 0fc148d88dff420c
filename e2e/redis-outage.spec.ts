import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createClient } from "redis";
import { createArticle, createUser, expect, signIn, test, uniqueHeadline } from "./fixtures";

// An instance with REDIS_URL pointing at a Redis server of this test's own, which is down when the
// instance starts, then up, then killed: readers must get pages throughout (never wait on Redis),
// the shared cache must be used while Redis is up, and an edit must still show on that instance.
const port = Number(process.env.E2E_PORT ?? 3217) + 2;
const base = `http://127.0.0.1:${port}`;
const redisPort = 6400 + (process.pid % 500);
const redisUrl = `redis://127.0.0.1:${redisPort}`;
const hasRedis = spawnSync("sh", ["-c", "command -v redis-server"]).status === 0;

test.skip(!hasRedis, "needs redis-server (Debian's package)");

const startRedis = () =>
  spawn("redis-server", ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });

async function until(check: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 100; i++) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** How many keys the test's Redis holds; throws at once (no reconnecting) while it is not up. */
async function keysInRedis(): Promise<number> {
  const client = createClient({ url: redisUrl, socket: { connectTimeout: 1_000, reconnectStrategy: false } });
  client.on("error", () => {});
  await client.connect();
  try {
    return await client.dbSize();
  } finally {
    await client.quit();
  }
}

const children: ChildProcess[] = [];
// Here, not in a finally: a test that times out is abandoned, but its afterEach hooks still run.
test.afterEach(() => {
  for (const child of children.splice(0)) {
    try {
      if (child.pid) process.kill(child.spawnargs[0].includes("next") ? -child.pid : child.pid, "SIGKILL");
    } catch {}
  }
});

test("Redis down at start or later: the instance serves readers and editors, and shares its cache while Redis is up", async ({ page }) => {
  test.setTimeout(60_000);
  const get = (path: string) => fetch(`${base}${path}`, { signal: AbortSignal.timeout(5_000) });
  const redis = () => {
    const server = startRedis();
    children.push(server);
    return server;
  };
  expect(
    await get("/").then(
      () => "in use",
      () => "free",
    ),
    `port ${port}`,
  ).toBe("free");
  // Started while its Redis is down.
  children.push(
    spawn("node", ["server.mjs", "-H", "127.0.0.1", "-p", String(port)], {
      env: {
        ...process.env,
        NODE_OPTIONS: "",
        REDIS_URL: redisUrl,
        DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db",
        NEXTAUTH_SECRET: "e2e-only-secret-not-for-production",
        NEXTAUTH_URL: base,
      },
      stdio: "ignore",
      detached: true,
    }),
  );
  await until(async () => (await get("/")).ok, "the instance to answer without Redis");
  const article = await createArticle({ headline: uniqueHeadline("Storm warning"), body: "First version." });
  expect((await get(`/articles/${article.slug}`)).status).toBe(200);

  // Redis comes up: the instance connects by itself and stores pages there.
  const server = redis();
  await until(async () => (await get(`/articles/${article.slug}`)).ok && (await keysInRedis()) > 0, "pages in Redis");

  // Redis goes away: readers are answered, not held waiting for it…
  server.kill("SIGKILL");
  for (const path of ["/", `/articles/${article.slug}`, "/feed.xml"]) expect((await get(path)).status, path).toBe(200);
  // …and an editor's change on this instance still reaches its readers.
  await signIn(page, await createUser("EDITOR"));
  await page.goto(`${base}/admin/articles/${article.id}`);
  // Typing starts once the page is quiet (see e2e/outage.spec.ts).
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Body", { exact: true }).fill("Corrected while Redis was down.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("notice")).toHaveText("Updated — live now: view live. Version 2.");
  expect(await (await get(`/articles/${article.slug}`)).text()).toContain("Corrected while Redis was down.");
});
