import { setupToken } from "@/lib/auth/setup-token";
import { E2E_SECRET } from "./support/secret";
import { expect, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

// Runs first (its own Playwright project), on a database with no users yet.
test("first run: /admin leads to setup, which needs the token from the server log and creates the first admin once", async ({
  page,
  db,
}) => {
  test.skip(
    (await db.user.count()) > 0,
    "first run needs a database with no users: npm test makes a fresh one; a rerun on the same database has them",
  );
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel("Name").fill("Ada Admin");
  await page.getByLabel("Email").fill("ada@example.test");
  await page.getByLabel("Password").fill("a long enough passphrase");
  // Whoever reaches a fresh deployment first is not made its administrator.
  await page.getByLabel("Setup token").fill("guessed-token-guessed-token-0000");
  await page.getByRole("button", { name: "Create administrator" }).click();
  await expect(page.getByText("That setup token is not right.", { exact: false })).toBeVisible();
  expect(await db.user.count()).toBe(0);

  // The link the server prints carries the token.
  await page.goto(`/setup?token=${setupToken(E2E_SECRET)}`);
  await page.getByLabel("Name").fill("Ada Admin");
  await page.getByLabel("Email").fill("ada@example.test");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create administrator" }).click();
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("ada@example.test");
  await page.getByLabel("Password").fill("a long enough passphrase");
  await page.getByRole("button", { name: "Create administrator" }).click();
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin/);
  expect(await db.user.findUnique({ where: { email: "ada@example.test" }, select: { role: true } })).toEqual({ role: "ADMIN" });

  // Setup refuses once a user exists.
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/login/);
});

test("sign-in: the same message for a wrong email and a wrong password, then the workspace", async ({ page }) => {
  await page.goto("/admin/articles");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Farticles/);
  for (const [email, password] of [
    [`nobody-${Date.now().toString(36)}@example.test`, "a long enough passphrase"],
    ["ada@example.test", "the wrong passphrase"],
  ]) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("login-error")).toHaveText("Email or password is incorrect.");
  }
  await page.getByLabel("Password").fill("a long enough passphrase");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/articles$/);
  await expect(page.getByTestId("whoami")).toHaveText("Ada Admin (Admin)");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/admin/articles");
  await expect(page).toHaveURL(/\/login/);
});

test("sign-in never redirects off-site", async ({ page }) => {
  await page.goto("/login?callbackUrl=https%3A%2F%2Fevil.example%2Fsteal");
  await page.getByLabel("Email").fill("ada@example.test");
  await page.getByLabel("Password").fill("a long enough passphrase");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/admin/);
});
