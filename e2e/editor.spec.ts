import type { Page } from "@playwright/test";
import { askedOnLeaving, createArticle, createUser, expect, keepReading, signIn, test, uniqueHeadline } from "./fixtures";

async function fillNewArticle(page: Page, headline: string, body = "First paragraph of the story.\n\nSecond paragraph.") {
  await page.goto("/admin/articles/new");
  await page.getByLabel("Headline").fill(headline);
  await page.getByLabel("Standfirst").fill("What happened, in one sentence.");
  await page.getByLabel("Body", { exact: true }).fill(body);
  await page.getByLabel("Dateline").fill("TUNIS");
}

/** The reader's view of an article: its HTTP status and, if published, its headline. */
async function readerStatus(page: Page, slug: string) {
  const response = await page.request.get(`/articles/${slug}`);
  return response.status();
}

const inOneHour = () => new Date(Date.now() + 3_600_000).toISOString().slice(0, 16);

test("create → preview → schedule → publish → edit → unpublish, with the reader page at each step", async ({ page, loginAs }) => {
  await loginAs("EDITOR");
  const headline = uniqueHeadline("Ferry service resumes");
  await fillNewArticle(page, headline);
  await page.getByLabel("New author name").fill("Nour Haddad");
  await page.getByRole("button", { name: "Create" }).click();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("notice")).toHaveText("Saved as a draft. Version 1.");
  const slug = await page.getByLabel("Slug").inputValue();
  expect(slug).toMatch(/^ferry-service-resumes-/);
  expect(await readerStatus(page, slug)).toBe(404);

  // Preview in the reader layout, for staff only.
  await page.getByRole("link", { name: "Preview" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(headline);
  await expect(page.getByText("Nour Haddad")).toBeVisible();
  const anonymous = await page.context().browser()!.newContext();
  const anonymousPage = await anonymous.newPage();
  await anonymousPage.goto(page.url());
  await expect(anonymousPage).toHaveURL(/\/login/);
  await anonymous.close();
  await page.goBack();

  // Schedule for later: not visible yet, listed as scheduled.
  await page.getByLabel("Status").selectOption("SCHEDULED");
  await page.getByLabel("Publish date and time (UTC)").fill(inOneHour());
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("notice")).toHaveText(
    /^Scheduled for \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC: readers see it then\. Version 2\.$/,
  );
  expect(await readerStatus(page, slug)).toBe(404);
  await page.goto(`/admin/articles?q=${encodeURIComponent(headline)}`);
  await expect(page.getByRole("row", { name: new RegExp(headline) })).toContainText("Scheduled");
  await page.getByRole("link", { name: headline }).click();

  // Publish now: readers see it on the next request.
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByTestId("notice")).toHaveText("Published — view live. Version 3.");
  await page.getByTestId("notice").getByRole("link", { name: "view live" }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${slug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(headline);
  await expect(page.getByText("TUNIS", { exact: true })).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("link", { name: headline })).toBeVisible();

  // Edit the published article: the change is visible at once, with an "Updated" date.
  await page.goto(`/admin/articles?q=${encodeURIComponent(headline)}`);
  await page.getByRole("link", { name: headline }).click();
  await page.getByLabel("Body", { exact: true }).fill("A corrected first paragraph.\n\nSecond paragraph.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("notice")).toHaveText("Updated — live now: view live. Version 4.");
  await page.goto(`/articles/${slug}`);
  await expect(page.getByText("A corrected first paragraph.")).toBeVisible();
  await expect(page.getByText(/Updated/)).toBeVisible();

  // Unpublish: gone for readers on the next request.
  await page.goBack();
  await page.getByRole("button", { name: "Unpublish" }).click();
  await expect(page.getByTestId("notice")).toHaveText("Unpublished: readers no longer see it. Version 5.");
  expect(await readerStatus(page, slug)).toBe(404);
  await page.goto("/");
  await expect(page.getByRole("link", { name: headline })).toHaveCount(0);
});

test("field errors appear next to their fields and keep every typed value", async ({ page, loginAs }) => {
  await loginAs("EDITOR");
  const taken = await createArticle({ headline: uniqueHeadline("Slug already taken") });
  await fillNewArticle(page, "");
  await page.getByLabel("Caption").fill("A caption I typed");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator('[data-field-error="headline"]')).toHaveText("Enter a headline.");
  await expect(page.getByLabel("Headline")).toBeFocused();
  await expect(page.getByLabel("Caption")).toHaveValue("A caption I typed");

  // A rule only the server can check: the slug is taken. Everything typed survives the round trip.
  await page.getByLabel("Headline").fill("A perfectly good headline");
  await page.getByLabel("Slug").fill(taken.slug);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator('[data-field-error="slug"]')).toHaveText("That slug is already used by another article. Choose another.");
  await expect(page.getByLabel("Headline")).toHaveValue("A perfectly good headline");
  await expect(page.getByLabel("Caption")).toHaveValue("A caption I typed");
  await expect(page.getByLabel("Dateline")).toHaveValue("TUNIS");
  await expect(page.getByLabel("Body", { exact: true })).toHaveValue("First paragraph of the story.\n\nSecond paragraph.");
  await expect(page.getByLabel("Standfirst")).toHaveValue("What happened, in one sentence.");
});

test("a save stays on the page and says what it did; neither a refused save nor a reload repeats an old notice", async ({
  page,
  loginAs,
}) => {
  await loginAs("EDITOR");
  const article = await createArticle({ headline: uniqueHeadline("Harbour dredging begins"), status: "DRAFT", publishedAt: null });
  const taken = await createArticle({ headline: uniqueHeadline("Harbour slug taken") });
  // Where a new article's first save lands.
  await page.goto(`/admin/articles/${article.id}?saved=1&outcome=draft`);
  await expect(page.getByTestId("notice")).toHaveText("Saved as a draft. Version 1.");

  await page.getByLabel("Standfirst").fill("Work starts at dawn.");
  await page.getByLabel("Slug").fill(taken.slug);
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page.locator('[data-field-error="slug"]')).toHaveText("That slug is already used by another article. Choose another.");
  await expect(page.getByTestId("notice")).toHaveCount(0);

  await page.getByLabel("Slug").fill(article.slug);
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByTestId("notice")).toHaveText("Published — view live. Version 2.");
  // Said where the editor pressed too, with the focus still there.
  await expect(page.getByTestId("saved-here")).toHaveText("Published — view live. Version 2.");
  await expect(page.getByRole("button", { name: "Publish now" })).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`/admin/articles/${article.id}$`));
  await expect(page.getByText("Version 2", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Status")).toHaveValue("PUBLISHED");
  await expect(page.getByLabel("Standfirst")).toHaveValue("Work starts at dawn.");

  await page.reload();
  await expect(page.getByLabel("Standfirst")).toHaveValue("Work starts at dawn.");
  await expect(page.getByTestId("notice")).toHaveCount(0);
});

test("text typed while a save is on its way stays in the form, as unsaved", async ({ page, loginAs, db }) => {
  await loginAs("EDITOR");
  const article = await createArticle({ headline: uniqueHeadline("Tram line extension"), status: "DRAFT", publishedAt: null });
  await page.goto(`/admin/articles/${article.id}`);
  await page.waitForLoadState("networkidle"); // fill's select-then-insert must not straddle hydration
  const body = page.getByLabel("Body", { exact: true });
  await body.fill("Sent with the save.");
  // The save is held on its way until the editor has typed more.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/admin/articles/${article.id}`, async (route) => {
    if (route.request().method() === "POST") await held;
    await route.continue();
  });
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await body.press("End");
  await body.pressSequentially(" Typed meanwhile.");
  release();
  await expect(page.getByTestId("notice")).toHaveText("Saved as a draft. Version 2.");
  await expect(body).toHaveValue("Sent with the save. Typed meanwhile.");
  expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).body).toBe("Sent with the save.");
  expect(await askedOnLeaving(page, "Articles")).toContain("unsaved changes");
});

test.describe("before the scripts have run", () => {
  test.use({ javaScriptEnabled: false });

  test("a save still reaches the server through the form itself and says what it did", async ({ page, loginAs, db }) => {
    await loginAs("EDITOR");
    const article = await createArticle({ headline: uniqueHeadline("Ferry timetable"), status: "DRAFT", publishedAt: null });
    await page.goto(`/admin/articles/${article.id}`);
    await page.getByLabel("Body", { exact: true }).fill("Sent by the form alone.");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByTestId("notice")).toHaveText("Saved as a draft. Version 2.");
    await expect(page.getByLabel("Body", { exact: true })).toHaveValue("Sent by the form alone.");
    const stored = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect([stored.version, stored.body]).toEqual([2, "Sent by the form alone."]);

    // A refusal keeps what was typed, with the reason beside the field.
    await page.getByLabel("Headline").fill("");
    await page.getByLabel("Body", { exact: true }).fill("Kept through a refusal.");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.locator('[data-field-error="headline"]')).toBeVisible();
    await expect(page.getByLabel("Body", { exact: true })).toHaveValue("Kept through a refusal.");
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).version).toBe(2);
  });
});

test("two editors save the same article: the second sees a conflict and loses nothing", async ({ page, browser, db }) => {
  const article = await createArticle({ headline: uniqueHeadline("Budget vote delayed"), body: "Original text." });
  const bob = uniqueHeadline("Bob Conflict");
  await signIn(page, await createUser("EDITOR", uniqueHeadline("Alice Conflict")));
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, await createUser("EDITOR", bob));

  await page.goto(`/admin/articles/${article.id}`);
  await other.goto(`/admin/articles/${article.id}`);
  // fill's select-then-insert must not straddle hydration (see e2e/outage.spec.ts).
  await Promise.all([page.waitForLoadState("networkidle"), other.waitForLoadState("networkidle")]);
  await other.getByLabel("Body", { exact: true }).fill("Bob's version of the story.");
  await other.getByRole("button", { name: "Save", exact: true }).click();
  await expect(other.getByTestId("notice")).toHaveText(/Version \d+\.$/);

  await page.getByLabel("Body", { exact: true }).fill("Alice's version of the story.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const conflict = page.getByTestId("conflict");
  await expect(conflict).toContainText(`${bob} saved version`);
  await expect(conflict.getByLabel("Body: their version")).toHaveValue("Bob's version of the story.");
  await expect(conflict.getByLabel("Body: your version")).toHaveValue("Alice's version of the story.");
  await expect(page.getByLabel("Body", { exact: true })).toHaveValue("Alice's version of the story.");
  expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).body).toBe("Bob's version of the story.");

  await conflict.getByRole("button", { name: "Overwrite with my version" }).click();
  await expect(page.getByTestId("notice")).toHaveText(/Version \d+\.$/);
  const saved = await db.article.findUniqueOrThrow({ where: { id: article.id }, include: { revisions: { orderBy: { version: "asc" } } } });
  expect(saved.body).toBe("Alice's version of the story.");
  // Both texts stay recoverable from the revision history.
  expect(saved.revisions.map((r) => JSON.parse(r.snapshot).body)).toEqual(
    expect.arrayContaining(["Bob's version of the story.", "Alice's version of the story."]),
  );
  await otherContext.close();
});

test("history: any two versions compared word by word, and a restore that publishes nothing", async ({ page, loginAs, db }) => {
  await loginAs("EDITOR");
  const headline = uniqueHeadline("Harbour reopens");
  await fillNewArticle(page, headline, "Line one.\n\nLine two.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("notice")).toHaveText("Saved as a draft. Version 1.");
  await page.getByLabel("Body", { exact: true }).fill("Line one.\n\nLine two, rewritten.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("notice")).toHaveText("Saved as a draft. Version 2.");

  // The history has its own tab; it opens on what the latest save changed, word by word.
  await page.getByRole("navigation", { name: "This article" }).getByRole("link", { name: "History" }).click();
  const body = page.getByRole("region", { name: "Changes to Body" });
  await expect(body.locator('[data-diff="removed-words"]')).toHaveText("two.");
  await expect(body.locator('[data-diff="added-words"]')).toHaveText("two, rewritten.");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Restore version 1" }).click();
  await expect(page.getByTestId("notice")).toHaveText("Restored revision 1 as a new version.");
  await expect(page.getByLabel("Body", { exact: true })).toHaveValue("Line one.\n\nLine two.");

  // Any two versions compare: 1 and 3 have the same text, 2 and 3 differ.
  await page.getByRole("link", { name: "History" }).click();
  await page.getByLabel("Older version").selectOption("1");
  await page.getByLabel("Newer version").selectOption("3");
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByTestId("comparison")).toContainText("The two versions have the same text.");
  await page
    .getByRole("row", { name: /^Version 2 / })
    .getByRole("link", { name: /Compare with current/ })
    .click();
  await expect(page.getByRole("region", { name: "Changes to Body" }).locator('[data-diff="added-words"]')).toHaveText("two.");
  const article = await db.article.findFirstOrThrow({ where: { headline } });
  expect(article.version).toBe(3);
  expect(article.status).toBe("DRAFT");
});

test("trash: an editor trashes, readers get a 404 and no link to it, an admin restores it with its links", async ({
  page,
  browser,
  db,
  loginAs,
}) => {
  const target = await createArticle({ headline: uniqueHeadline("Story to be trashed") });
  const linking = await createArticle({ headline: uniqueHeadline("Story linking to it") });
  await db.relatedLink.create({
    data: { articleId: linking.id, position: 0, label: target.headline, labelKey: target.headlineKey, targetArticleId: target.id },
  });
  expect(await readerStatus(page, target.slug)).toBe(200);

  await loginAs("EDITOR");
  await page.goto(`/admin/articles/${target.id}`);
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Move to trash" }).click();
  await expect(page).toHaveURL(/\/admin\/articles\?trashed=1/);
  expect(await readerStatus(page, target.slug)).toBe(404);
  // The curated link is kept, and hidden from readers while its target is in the trash.
  const link = await db.relatedLink.findFirstOrThrow({ where: { articleId: linking.id } });
  expect(link).toMatchObject({ label: target.headline, targetArticleId: target.id });
  await page.goto(`/articles/${linking.slug}`);
  await expect(page.getByRole("link", { name: target.headline })).toHaveCount(0);
  // The trash is for admins.
  await page.goto("/admin/trash");
  await expect(page).toHaveURL(/\/admin\/articles\?denied=1/);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, await createUser("ADMIN"));
  await admin.goto("/admin/trash");
  await admin.getByRole("button", { name: `Restore “${target.headline}”` }).click();
  await expect(admin.getByTestId("notice")).toHaveText("Restored from the trash.");
  expect(await readerStatus(admin, target.slug)).toBe(200);
  expect((await db.relatedLink.findFirstOrThrow({ where: { articleId: linking.id } })).targetArticleId).toBe(target.id);
  await admin.goto(`/articles/${linking.slug}`);
  await expect(admin.getByRole("link", { name: target.headline })).toBeVisible();
  await adminContext.close();
});

test("a disabled user loses access on the next request", async ({ page, loginAs, db }) => {
  const user = await loginAs("EDITOR");
  await page.goto("/admin/articles");
  await expect(page.getByTestId("whoami")).toContainText("(Editor)");
  await db.user.update({ where: { id: user.id }, data: { disabled: true } });
  await page.goto("/admin/articles");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});

test("the byline picker finds any author on the server as the editor types; author lists page through everyone", async ({
  page,
  loginAs,
  db,
}) => {
  await loginAs("EDITOR");
  const family = uniqueHeadline("Quillfeather").split(" ").pop()!;
  // More authors than one page of matches or of the authors list shows.
  await db.author.createMany({
    data: Array.from({ length: 55 }, (_, i) => ({
      name: `Amal ${family} ${String(i).padStart(2, "0")}`,
      slug: `amal-${family}-${String(i).padStart(2, "0")}`.toLowerCase(),
    })),
  });
  const headline = uniqueHeadline("Byline picker story");
  await fillNewArticle(page, headline);
  await page.getByLabel("Add an author").fill(family);
  await expect(page.getByRole("status").filter({ hasText: "matching authors" })).toHaveText("10+ matching authors.");
  await page.getByRole("button", { name: "More matches" }).click();
  await expect(page.getByRole("status").filter({ hasText: "matching authors" })).toHaveText("20+ matching authors.");
  await page.getByLabel("Add an author").fill(`${family} 54`);
  await page.getByRole("button", { name: `Add Amal ${family} 54` }).click();
  await expect(page.getByRole("list", { name: "Byline order" })).toContainText(`1. Amal ${family} 54`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("notice")).toHaveText("Saved as a draft. Version 1.");
  const saved = await db.article.findFirstOrThrow({
    where: { headline },
    select: { bylines: { select: { author: { select: { name: true } } } } },
  });
  expect(saved.bylines.map((b) => b.author.name)).toEqual([`Amal ${family} 54`]);

  await page.goto(`/admin/authors?q=${family}`);
  await expect(page.getByText(`55 authors whose name contains “${family}”`)).toBeVisible();
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page.getByRole("link", { name: `Amal ${family} 54` })).toBeVisible();
  await expect(page.getByText("Page 2 of 2")).toBeVisible();
});

test("an edit to a live article's text reaches its page, its API entry and the sitemap's date at once", async ({
  page,
  loginAs,
  request,
}) => {
  const article = await createArticle({ headline: uniqueHeadline("Text edit reaches readers"), body: "The first telling." });
  const lastmodOf = async () => {
    const sitemap = await (await request.get("/sitemap.xml")).text();
    return sitemap.match(new RegExp(`/articles/${article.slug}</loc><lastmod>([^<]+)<`))?.[1];
  };
  // Every cache warm with the first version.
  expect((await (await request.get(`/api/articles/${article.slug}`)).json()).bodyHtml).toContain("The first telling.");
  const lastmodBefore = await lastmodOf();
  expect(lastmodBefore).toBeTruthy();
  await expect((await request.get(`/articles/${article.slug}`)).text()).resolves.toContain("The first telling.");

  const again = await request.get(`/articles/${article.slug}`);
  expect(again.headers()["x-byline-cache"], "a reader page is kept by the server's response cache").toBe("HIT");

  await loginAs("EDITOR");
  await page.goto(`/admin/articles/${article.id}`);
  await page.waitForLoadState("networkidle"); // fill's select-then-insert must not straddle hydration
  await page.getByLabel("Body", { exact: true }).fill("The second telling, corrected.");
  // Readers keep the response cache's copies fresh while the editor saves: the save must not leave them behind it.
  const readers = keepReading(request, [`/articles/${article.slug}`, `/api/articles/${article.slug}`, "/sitemap.xml"]);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("notice")).toContainText("Updated — live now");
  await readers.stop();

  await expect((await request.get(`/articles/${article.slug}`)).text()).resolves.toContain("The second telling, corrected.");
  expect((await (await request.get(`/api/articles/${article.slug}`)).json()).bodyHtml).toContain("The second telling, corrected.");
  expect(new Date((await lastmodOf())!).getTime()).toBeGreaterThan(new Date(lastmodBefore!).getTime());
});

test("a headline edit reaches the feed and the news sitemap at once", async ({ page, loginAs, request }) => {
  const article = await createArticle({ headline: uniqueHeadline("Feed headline before"), body: "Unchanged text." });
  // Both caches warm with the first headline.
  await expect((await request.get("/feed.xml")).text()).resolves.toContain(article.headline);
  await expect((await request.get("/news-sitemap.xml")).text()).resolves.toContain(article.headline);

  const edited = uniqueHeadline("Feed headline after");
  await loginAs("EDITOR");
  await page.goto(`/admin/articles/${article.id}`);
  await page.waitForLoadState("networkidle"); // fill's select-then-insert must not straddle hydration
  await page.getByLabel("Headline", { exact: true }).fill(edited);
  const readers = keepReading(request, ["/feed.xml", "/news-sitemap.xml"]);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("notice")).toContainText("Updated — live now");
  await readers.stop();

  for (const path of ["/feed.xml", "/news-sitemap.xml"]) {
    const text = await (await request.get(path)).text();
    expect(text, path).toContain(edited);
    expect(text, path).not.toContain(article.headline);
  }
});
