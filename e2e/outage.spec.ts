import { execSync } from "node:child_process";
import { createArticle, createUser, expect, signIn, test, uniqueHeadline } from "./fixtures";

// Stops the PostgreSQL server under the app for a moment. PostgreSQL runs only: SQLite is a file in
// the app's own process and has no outage of this kind.
const onPostgres = /^postgres/.test(process.env.E2E_DATABASE_URL ?? "");
const cluster = () => execSync("ls /etc/postgresql").toString().trim().split("\n")[0];
const pg = (action: "start" | "stop") =>
  execSync(`pg_ctlcluster --skip-systemctl-redirect ${cluster()} main ${action}${action === "stop" ? " -m fast" : ""}`, {
    stdio: "inherit",
  });
const pgReady = () => {
  for (let i = 0; i < 60; i++) {
    try {
      execSync("pg_isready -q -h 127.0.0.1 -p 5432");
      return;
    } catch {
      execSync("sleep 0.5");
    }
  }
  throw new Error("PostgreSQL did not come back");
};

test.skip(!onPostgres, "the outage test stops the PostgreSQL server");

test("with the database down, cached pages are served, a save keeps the text, and all recovers", async ({ page, browser }) => {
  const article = await createArticle({ headline: uniqueHeadline("Outage story"), body: "Before the outage." });
  await signIn(page, await createUser("EDITOR"));
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/articles/${article.slug}`);
  await expect(reader.getByText("Before the outage.")).toBeVisible();
  await page.goto(`/admin/articles/${article.id}`);
  // Playwright's fill selects the old text, then inserts: when hydration lands between the two,
  // the selection is lost and the new text lands before the old (seen in CI: "Written while…Before
  // the outage."). Typing starts once the page is quiet, as test:load's editors do.
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Body", { exact: true }).fill("Written while the database was down.");

  try {
    pg("stop");
    const cached = await reader.goto(`/articles/${article.slug}`);
    expect(cached?.status()).toBe(200);
    await expect(reader.getByText("Before the outage.")).toBeVisible();

    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByTestId("form-message")).toHaveText(
      "The database is unavailable right now. Your text is kept in this form: save again in a moment.",
    );
    await expect(page.getByLabel("Body", { exact: true })).toHaveValue("Written while the database was down.");
  } finally {
    pg("start");
    pgReady();
  }

  await expect(async () => {
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByTestId("notice")).toHaveText("Updated — live now: view live. Version 2.", { timeout: 3000 });
  }).toPass({ timeout: 30_000 });
  await reader.goto(`/articles/${article.slug}`);
  await expect(reader.getByText("Written while the database was down.")).toBeVisible();
  await reader.context().close();
});
