import { askedOnLeaving, createArticle, expect, signIn, test, uniqueHeadline, type TestUser } from "./fixtures";
import type { Page } from "@playwright/test";

// Writing under deadline (issue 16): nothing typed is lost to a closed tab, a dropped connection or
// a session that ran out, and the toolbar leaves the cursor where the editor types next.

async function startStory(page: Page, headline: string, body: string) {
  // Leaving with unsaved text asks first; these tests leave on purpose.
  page.on("dialog", (dialog) => void dialog.accept());
  await page.goto("/admin/articles/new");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Headline").fill(headline);
  await page.getByLabel("Body", { exact: true }).fill(body);
}

const status = (page: Page) => page.getByTestId("draft-status");

test("a tab closed before saving: reopening the new-article screen offers the text back, compared and restored in one click", async ({
  page,
  loginAs,
}) => {
  await loginAs("EDITOR");
  const headline = uniqueHeadline("Council budget");
  await startStory(page, headline, "The council voted at midnight.");
  await expect(status(page)).toHaveText(/^Draft saved \d\d:\d\d/);

  // The tab goes; the editor comes back.
  await page.goto("about:blank");
  await page.goto("/admin/articles/new");
  const recovery = page.getByTestId("recovery");
  await expect(recovery).toContainText("text you typed that is not in the saved version");
  await recovery.getByRole("button", { name: "Compare with the saved version" }).click();
  await expect(recovery.getByLabel("Body: your unsaved text")).toHaveValue("The council voted at midnight.");
  await expect(recovery.getByLabel("Body: saved version")).toHaveValue("");
  await recovery.getByRole("button", { name: "Restore my unsaved text" }).click();
  await expect(page.getByLabel("Headline")).toHaveValue(headline);
  await expect(page.getByLabel("Body", { exact: true })).toHaveValue("The council voted at midnight.");

  // Saved, it is a revision; nothing is offered any more.
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("notice")).toContainText("Saved as a draft. Version 1.");
  await page.reload();
  await expect(page.getByLabel("Headline")).toHaveValue(headline);
  await expect(page.getByTestId("recovery")).toHaveCount(0);
});

test("offline, the text is kept on the device and goes to the server when the connection returns", async ({ page, loginAs, db }) => {
  const editor = await loginAs("EDITOR");
  await startStory(page, uniqueHeadline("Storm"), "Winds reached 120 km/h.");
  await expect(status(page)).toHaveText(/^Draft saved/);
  await page.context().setOffline(true);
  await page.getByLabel("Body", { exact: true }).fill("Winds reached 130 km/h, the coastguard said.");
  await expect(status(page)).toHaveText("Offline — kept on this device");
  await page.context().setOffline(false);
  await expect(status(page)).toHaveText(/^Draft saved/);
  await expect
    .poll(
      async () =>
        JSON.parse((await db.autosave.findUniqueOrThrow({ where: { userId_draftKey: { userId: editor.id, draftKey: "new" } } })).fields)
          .body,
    )
    .toBe("Winds reached 130 km/h, the coastguard said.");
});

test("a session that ran out while writing: sign in again and the text is there to restore, on this device or another", async ({
  page,
  browser,
  loginAs,
  db,
}) => {
  const editor: TestUser = await loginAs("EDITOR");
  const headline = uniqueHeadline("Late edition");
  await startStory(page, headline, "Print deadline moved.");
  await expect(status(page)).toHaveText(/^Draft saved/);

  // The session ends on the server (expired, or signed out everywhere); the editor types on.
  await db.session.deleteMany({ where: { userId: editor.id } });
  await page.getByLabel("Body", { exact: true }).fill("Print deadline moved to 23:30.");
  await expect(status(page)).toContainText("You are signed out — your text is kept on this device.");

  // Signing in again in the tab the status line opens; then this tab saves again, and a reload offers the text.
  const [signInTab] = await Promise.all([
    page.context().waitForEvent("page"),
    status(page).getByRole("link", { name: "Sign in again (new tab)" }).click(),
  ]);
  await signInTab.getByLabel("Email").fill(editor.email);
  await signInTab.getByLabel("Password").fill(editor.password);
  await signInTab.getByRole("button", { name: "Sign in" }).click();
  await expect(signInTab).toHaveURL(/\/admin/);
  await signInTab.close();
  await page.getByLabel("Body", { exact: true }).press("End");
  await page.keyboard.type(" Confirmed.");
  await expect(status(page)).toHaveText(/^Draft saved/);
  await page.goto("/admin/articles/new");
  await page.getByTestId("recovery").getByRole("button", { name: "Restore my unsaved text" }).click();
  await expect(page.getByLabel("Body", { exact: true })).toHaveValue("Print deadline moved to 23:30. Confirmed.");

  // Another browser has the last autosaved text from the server.
  const other = await browser.newContext();
  const elsewhere = await other.newPage();
  await signIn(elsewhere, editor);
  await elsewhere.goto("/admin/articles/new");
  await expect(elsewhere.getByTestId("recovery")).toContainText("Byline autosaved text you typed");
  await elsewhere.getByTestId("recovery").getByRole("button", { name: "Compare with the saved version" }).click();
  await expect(elsewhere.getByLabel("Body: your unsaved text")).toHaveValue("Print deadline moved to 23:30. Confirmed.");
  await elsewhere.getByTestId("recovery").getByRole("button", { name: "Restore my unsaved text" }).click();
  await expect(elsewhere.getByLabel("Headline")).toHaveValue(headline);
  await other.close();
});

test("Preview shows the unsaved text as readers would get it, before the first save", async ({ page, loginAs }) => {
  await loginAs("EDITOR");
  const headline = uniqueHeadline("Unsaved preview");
  await startStory(page, headline, "A paragraph with **emphasis**.");
  const [preview] = await Promise.all([
    page.context().waitForEvent("page"),
    page.getByRole("button", { name: "Preview this text" }).click(),
  ]);
  await expect(preview.getByRole("heading", { level: 1 })).toHaveText(headline);
  await expect(preview.locator("strong")).toHaveText("emphasis");
  await expect(preview.getByRole("note")).toContainText("not saved, not public");
});

test("the toolbar acts on the selection and the current line, and leaves the cursor where the editor types next", async ({
  page,
  loginAs,
}) => {
  await loginAs("EDITOR");
  await startStory(page, uniqueHeadline("Toolbar"), "Read the report today.\nMarkets fall");
  const body = page.getByLabel("Body", { exact: true });
  const toolbar = page.getByRole("toolbar", { name: "Formatting" });
  // Select "the report", make it a link, type the address.
  await body.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(5, 15));
  await toolbar.getByRole("button", { name: "Link" }).click();
  await page.keyboard.type("https://example.org/report");
  // The cursor on the second line: Heading turns that line into one.
  await body.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(el.value.length - 3, el.value.length - 3));
  await toolbar.getByRole("button", { name: "Heading" }).click();
  await page.keyboard.type(" sharply");
  await expect(body).toHaveValue("Read [the report](https://example.org/report) today.\n## Markets fall sharply");
});

test("text typed before the editor has loaded its scripts is kept and saved", async ({ page, loginAs, db }) => {
  const article = await createArticle({ headline: uniqueHeadline("Typed early"), body: "The saved text." });
  const editor = await loginAs("EDITOR");
  // A phone on a slow network: the page is readable and typeable long before its scripts run.
  let releaseScripts = () => {};
  const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
  const isScript = (url: URL) => url.pathname.startsWith("/_next/static/") && url.pathname.endsWith(".js");
  await page.route(isScript, async (route) => {
    await scriptsHeld;
    await route.continue();
  });
  await page.goto(`/admin/articles/${article.id}`, { waitUntil: "commit" });
  await page.getByLabel("Standfirst").fill("A standfirst typed early.");
  await page.getByLabel("Body", { exact: true }).fill("Typed before the scripts arrived.");
  releaseScripts();
  // Hydrated: React has attached itself to the body field (and would have reset it by now).
  await page.waitForFunction(() =>
    Object.keys(document.querySelector("textarea[name=body]") ?? {}).some((key) => key.startsWith("__reactFiber")),
  );
  await expect(page.getByLabel("Body", { exact: true })).toHaveValue("Typed before the scripts arrived.");
  await expect(page.getByLabel("Standfirst")).toHaveValue("A standfirst typed early.");
  // The draft keeper and the unsaved-changes warning see it as typed: it goes to the server, and
  // following a link asks first.
  await expect(status(page)).toHaveText(/^Draft saved/);
  const kept = await db.autosave.findUniqueOrThrow({ where: { userId_draftKey: { userId: editor.id, draftKey: article.id } } });
  expect(JSON.parse(kept.fields).body).toBe("Typed before the scripts arrived.");
  expect(await askedOnLeaving(page, "Byline")).toContain("unsaved changes");
  await expect(page).toHaveURL(new RegExp(`/admin/articles/${article.id}$`));
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("notice")).toContainText("Version 2.");
  const saved = await db.article.findUniqueOrThrow({ where: { id: article.id } });
  expect([saved.body, saved.standfirst]).toEqual(["Typed before the scripts arrived.", "A standfirst typed early."]);
});

test("text that reaches the field while React is hydrating it, and not React, is kept and saved", async ({ page, loginAs, db }) => {
  const article = await createArticle({ headline: uniqueHeadline("Typed mid-hydration"), body: "The saved text." });
  await loginAs("EDITOR");
  let releaseScripts = () => {};
  const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
  await page.route(
    (url) => url.pathname.startsWith("/_next/static/") && url.pathname.endsWith(".js"),
    async (route) => {
      await scriptsHeld;
      await route.continue();
    },
  );
  await page.goto(`/admin/articles/${article.id}`, { waitUntil: "commit" });
  await page.getByLabel("Body", { exact: true }).fill("Typed while the page hydrated.");
  // The window the test cannot time by hand: hydration puts the server's text back in the field and
  // starts tracking it, then, before React takes events for the field, the typed text lands again.
  await page.evaluate(() => {
    const field = document.querySelector("textarea[name=body]") as HTMLTextAreaElement;
    const native = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!;
    const typed = field.value;
    Object.defineProperty(field, "value", {
      configurable: true,
      get: () => native.get!.call(field),
      set: (value: string) => {
        native.set!.call(field, value);
        delete (field as { value?: string }).value;
        if (value !== typed) queueMicrotask(() => native.set!.call(field, typed));
      },
    });
  });
  releaseScripts();
  await page.waitForFunction(() =>
    Object.keys(document.querySelector("textarea[name=body]") ?? {}).some((key) => key.startsWith("__reactFiber")),
  );
  await expect(status(page)).toHaveText(/^Draft saved/);
  await expect(page.getByLabel("Body", { exact: true })).toHaveValue("Typed while the page hydrated.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("notice")).toContainText("Version 2.");
  expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).body).toBe("Typed while the page hydrated.");
});
