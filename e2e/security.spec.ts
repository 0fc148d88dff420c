import { captureAction, createArticle, createUser, expect, signIn, test, uniqueHeadline } from "./fixtures";

test("sign-in is throttled per account: after 5 failures even the right password gets 429 with Retry-After", async ({ page, request }) => {
  const user = await createUser("EDITOR");
  // A client address of its own, so this test's failures do not count against other tests.
  const headers = { "X-Forwarded-For": `198.51.100.${Math.floor(Math.random() * 200) + 1}` };
  const csrf = await (await request.get("/api/auth/csrf")).json();
  const attempt = (password: string) =>
    request.post("/api/auth/callback/credentials", {
      headers,
      form: { csrfToken: csrf.csrfToken, email: user.email, password, json: "true" },
    });
  for (let i = 0; i < 5; i++) expect((await attempt("wrong password")).status()).toBe(401);
  const blocked = await attempt(user.password);
  expect(blocked.status()).toBe(429);
  expect(Number(blocked.headers()["retry-after"])).toBeGreaterThan(800);

  // An unknown email gets exactly the same treatment: nothing tells which emails exist.
  const ghost = { ...user, email: `ghost-${user.email}` };
  for (let i = 0; i < 5; i++) {
    const r = await request.post("/api/auth/callback/credentials", {
      headers,
      form: { csrfToken: csrf.csrfToken, email: ghost.email, password: "x", json: "true" },
    });
    expect(r.status()).toBe(401);
  }

  // The sign-in form says so in words.
  await page.setExtraHTTPHeaders(headers);
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("Too many attempts. Wait a few minutes and try again.");
});

test("session cookie is HttpOnly and SameSite=Lax; pages carry security headers", async ({ page, request }) => {
  await signIn(page, await createUser("EDITOR"));
  const session = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });

  const reader = await request.get("/");
  expect(reader.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(reader.headers()["x-content-type-options"]).toBe("nosniff");
  expect(reader.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(reader.headers()["permissions-policy"]).toContain("camera=()");
  const admin = await page.request.get("/admin/articles");
  expect(admin.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(admin.headers()["cache-control"]).toMatch(/private.*no-store/);
});

test("a shared cache may keep reader pages for a second, and never the workspace", async ({ page, request }) => {
  for (const path of [
    "/",
    "/articles/mali-islamists-threaten-to-hit-at-heart-of-france-as-they-push-south",
    "/feed.xml",
    "/api/articles",
    "/search?q=france",
  ]) {
    const response = await request.get(path);
    expect(response.headers()["cache-control"], path).toBe("public, s-maxage=1, stale-while-revalidate=59");
    expect(response.headers()["etag"], path).toBeTruthy();
  }
  const anonymous = await request.get("/admin", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers()["cache-control"]).toMatch(/private.*no-store/);
  await signIn(page, await createUser("EDITOR"));
  for (const path of ["/admin", "/admin/articles/new", "/admin/articles?q=france"]) {
    expect((await page.request.get(path)).headers()["cache-control"], path).toMatch(/private.*no-store/);
  }
});

test("bodies over 2 MB are refused with 413 and a readable message", async ({ request }) => {
  const response = await request.post("/admin/articles/new", {
    data: "x".repeat(2 * 1024 * 1024 + 1),
    headers: { "content-type": "text/plain" },
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toContain("the limit is 2 MB");
});

test("hostile text is stored as given and inert everywhere readers look", async ({ page, loginAs, db, request }) => {
  await loginAs("EDITOR");
  const marker = uniqueHeadline("XSS");
  const headline = `${marker} <img src=x onerror="window.__pwned=1"> </script><script>window.__pwned=1</script>`;
  const body = `<script>window.__pwned=1</script>\n\n[click me](javascript:window.__pwned=1) and <b onmouseover="window.__pwned=1">bold</b>\n\nRTL: مرحبا بالعالم — emoji 🦄 — ' OR 1=1; --`;
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto("/admin/articles/new");
  await page.getByLabel("Headline").fill(headline);
  await page.getByLabel("Slug").fill(`xss-${marker.split(" ").pop()}`);
  await page.getByLabel("Body", { exact: true }).fill(body);
  await page.getByLabel("New author name").fill('<b onclick="x">Eve</b> O\'Hara');
  await page.getByRole("button", { name: "Create" }).click();
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByTestId("notice")).toHaveText("Published — view live. Version 1.");
  await expect(page.getByLabel("Headline")).toHaveValue(headline);

  const stored = await db.article.findFirstOrThrow({ where: { headline } });
  expect(stored.body).toBe(body);

  await page.goto(`/articles/${stored.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(headline);
  await expect(page).toHaveTitle(`${headline} — Byline`);
  await expect(page.getByText('<b onclick="x">Eve</b> O\'Hara')).toBeVisible();
  await expect(page.getByText("click me")).toBeVisible();
  await expect(page.locator(".prose-article a")).toHaveCount(0);
  await expect(page.locator(".prose-article script, .prose-article img, .prose-article b")).toHaveCount(0);
  expect(JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!).headline).toBe(headline);
  await page.getByText("bold").hover();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toBe(0);

  const feed = await (await request.get("/feed.xml")).text();
  expect(feed).not.toContain("<script>");
  await page.goto(`/search?q=${encodeURIComponent(marker)}`);
  await expect(page.getByRole("link", { name: headline })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test("replays of an editor's save by nobody, or by a disabled user, are refused and change nothing", async ({ page, browser, db }) => {
  const article = await createArticle({ headline: uniqueHeadline("Replay target"), body: "Untouched." });
  await signIn(page, await createUser("EDITOR"));
  const replay = await captureAction(page, `**/admin/articles/${article.id}`, async () => {
    await page.goto(`/admin/articles/${article.id}`);
    await page.getByLabel("Body", { exact: true }).fill("Changed by a replay.");
    await page.getByRole("button", { name: "Save", exact: true }).click();
  });

  const anonymous = await browser.newContext();
  const response = await replay(await anonymous.newPage(), { maxRedirects: 0 });
  // The proxy sends anonymous visitors to sign-in; the action itself would refuse them too.
  expect([200, 303, 307]).toContain(response.status());
  expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).body).toBe("Untouched.");
  await anonymous.close();

  // A valid session token of a user disabled since: the proxy lets it pass, the action refuses.
  const disabledContext = await browser.newContext();
  const disabledPage = await disabledContext.newPage();
  const disabled = await createUser("EDITOR");
  await signIn(disabledPage, disabled);
  await db.user.update({ where: { id: disabled.id }, data: { disabled: true } });
  const refused = await replay(disabledPage);
  expect(refused.status()).toBe(200);
  expect(await refused.text()).toContain("You are signed out.");
  expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).body).toBe("Untouched.");
  await disabledContext.close();
});
