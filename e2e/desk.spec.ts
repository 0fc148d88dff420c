import { headlineKey } from "@/lib/text";
import { createArticle, createUser, eventually, expect, test, uniqueHeadline } from "./fixtures";

// Bugs a new editor ran into on the first day at the desk (issue 13), each as they met it.

test("after Save role the dropdown shows the saved role, and saving again keeps it", async ({ page, loginAs, db }) => {
  await loginAs("ADMIN");
  const editor = await createUser("EDITOR");
  await page.goto("/admin/users");
  const role = page.getByLabel(`Role of ${editor.email}`, { exact: true });
  await role.selectOption("ADMIN");
  await page.getByRole("button", { name: `Save role of ${editor.email}` }).click();
  await expect.poll(async () => (await db.user.findUniqueOrThrow({ where: { id: editor.id } })).role).toBe("ADMIN");
  await expect(role).toHaveValue("ADMIN");
  await page.getByRole("button", { name: `Save role of ${editor.email}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(editor.email) }).getByText("Saved.")).toBeVisible();
  expect((await db.user.findUniqueOrThrow({ where: { id: editor.id } })).role).toBe("ADMIN");
});

test("the same story cannot be attached twice as a related story", async ({ page, loginAs, db }) => {
  await loginAs("ADMIN");
  const owner = await createArticle({ headline: uniqueHeadline("Harbour strike") });
  const target = await createArticle({ headline: uniqueHeadline("Dockers vote") });
  const label = `${target.headline} (label)`;
  await db.relatedLink.create({ data: { articleId: owner.id, position: 0, label, labelKey: headlineKey(label) } });
  await page.goto(`/admin/articles/${owner.id}/related`);
  const panel = page.getByTestId("related-panel");
  await panel.getByLabel("Search articles by headline").fill(target.headline);
  await panel.getByRole("button", { name: `Add “${target.headline}”` }).click();
  await expect(panel.getByRole("list", { name: "Related links in order" }).getByTestId("related-link")).toHaveCount(1);
  await panel.getByRole("button", { name: `Add “${target.headline}”` }).click();
  await expect(panel.getByText("That story is already a related story of this article.")).toBeVisible();
  // Nor by attaching a waiting label to it.
  await panel.getByTestId("unresolved-summary").click();
  await panel.getByRole("button", { name: `More candidates for “${label}”` }).click();
  await panel.getByRole("button", { name: `Attach “${target.headline}” to “${label}”` }).click();
  await expect(panel.getByText("That story is already a related story of this article.").nth(1)).toBeVisible();
  expect(await db.relatedLink.count({ where: { articleId: owner.id, targetArticleId: target.id } })).toBe(1);
  await eventually(page, `/articles/${owner.slug}`, () =>
    expect(page.getByRole("complementary", { name: "Related stories" }).getByRole("link", { name: target.headline })).toHaveCount(1, {
      timeout: 500,
    }),
  );
});

test("a future publish time left on Draft is refused with the way out, not saved as a silent draft", async ({ page, loginAs, db }) => {
  await loginAs("EDITOR");
  const headline = uniqueHeadline("Council budget");
  await page.goto("/admin/articles/new");
  await page.getByLabel("Headline").fill(headline);
  await page.getByLabel("Body", { exact: true }).fill("The council meets tonight.");
  await page.getByLabel("Publish date and time (UTC)").fill(new Date(Date.now() + 3_600_000).toISOString().slice(0, 16));
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator('[data-field-error="publishedAt"]')).toHaveText(
    "A draft is not published at this time. Choose the status Scheduled to publish then, or clear the time.",
  );
  expect(await db.article.count({ where: { headline } })).toBe(0);
  await page.getByLabel("Status").selectOption("SCHEDULED");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("notice")).toHaveText(
    /^Scheduled for \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC: readers see it then\. Version 1\.$/,
  );
  expect((await db.article.findFirstOrThrow({ where: { headline } })).status).toBe("SCHEDULED");
});

test("disabling asks first; the disabled user is told so only after typing the right password", async ({ page, browser, loginAs, db }) => {
  await loginAs("ADMIN");
  const editor = await createUser("EDITOR");
  await page.goto("/admin/users");
  let asked = "";
  page.once("dialog", (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await page.getByRole("button", { name: `Disable ${editor.email}` }).click();
  await expect.poll(() => asked).toContain(`Disable ${editor.email}?`);
  expect((await db.user.findUniqueOrThrow({ where: { id: editor.id } })).disabled).toBe(false);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: `Disable ${editor.email}` }).click();
  await expect.poll(async () => (await db.user.findUniqueOrThrow({ where: { id: editor.id } })).disabled).toBe(true);

  const other = await (await browser.newContext()).newPage();
  await other.goto("/login");
  await other.getByLabel("Email").fill(editor.email);
  await other.getByLabel("Password").fill("not the password at all");
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByTestId("login-error")).toHaveText("Email or password is incorrect.");
  await other.getByLabel("Password").fill(editor.password);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByTestId("login-error")).toHaveText("This account is disabled. Ask an administrator to enable it.");
  await other.context().close();
});

test.describe("on a clock far from UTC", () => {
  test.use({ timezoneId: "Asia/Tokyo" });

  test("the publish time says the same moment on the editor's own clock", async ({ page, loginAs }) => {
    await loginAs("EDITOR");
    await page.goto("/admin/articles/new");
    await page.getByLabel("Publish date and time (UTC)").fill("2030-01-02T00:00");
    await expect(page.getByTestId("local-time")).toHaveText(/^2030-01-02 00:00 UTC is .*09:00.*GMT\+9.* your time\.$/);
  });
});

test("after a deploy, an open workspace tab says Byline was updated and offers a reload", async ({ page, loginAs }) => {
  await loginAs("EDITOR");
  await page.goto("/admin/authors");
  await expect(page.getByRole("heading", { name: "Authors" })).toBeVisible();
  // The build the tab was loaded from is gone: its scripts no longer exist on the server.
  await page.route("**/_next/static/chunks/**", (route) => route.fulfill({ status: 404, body: "Not found" }));
  await page.getByRole("link", { name: "New article" }).click();
  await expect(page.getByRole("heading", { name: "Byline has been updated" })).toBeVisible();
  await page.unroute("**/_next/static/chunks/**");
  await page.getByRole("button", { name: "Reload the page" }).click();
  await expect(page.getByRole("heading", { name: "New article" })).toBeVisible();
});

test("related stories are curated with the keyboard alone: attach, reorder with focus kept and announced, remove", async ({
  page,
  loginAs,
  db,
}) => {
  await loginAs("ADMIN");
  const owner = await createArticle({ headline: uniqueHeadline("Flood defences") });
  const first = await createArticle({ headline: uniqueHeadline("River levels") });
  const second = await createArticle({ headline: uniqueHeadline("Sandbag shortage") });
  const added = await createArticle({ headline: uniqueHeadline("Evacuation routes") });
  for (const [position, target] of [first, second].entries()) {
    await db.relatedLink.create({
      data: { articleId: owner.id, position, label: target.headline, labelKey: headlineKey(target.headline), targetArticleId: target.id },
    });
  }
  await page.goto(`/admin/articles/${owner.id}/related`);
  const panel = page.getByTestId("related-panel");

  // Attach: find the article by headline, then add it.
  await panel.getByLabel("Search articles by headline").focus();
  await page.keyboard.type(added.headline);
  await page.keyboard.press("Enter");
  await panel.getByRole("button", { name: `Add “${added.headline}”` }).focus();
  await page.keyboard.press("Enter");
  await expect(panel.getByTestId("related-link")).toHaveCount(3);
  await expect(panel.getByTestId("related-link").nth(2)).toContainText(added.headline);

  // Reorder: up twice; focus stays on the moved story's button, and each move is announced.
  const up = panel.getByRole("button", { name: `Move “${added.headline}” up` });
  await up.focus();
  await page.keyboard.press("Enter");
  await expect(panel.getByTestId("related-announcement")).toHaveText(`Moved “${added.headline}” to position 2 of 3.`);
  await expect(up).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(panel.getByTestId("related-announcement")).toHaveText(`Moved “${added.headline}” to position 1 of 3.`);
  // At the top, "up" is no longer possible: the focus moves to the story's "down".
  await expect(panel.getByRole("button", { name: `Move “${added.headline}” down` })).toBeFocused();
  await expect(panel.getByText("Order saved.")).toBeVisible();
  await expect
    .poll(async () =>
      (await db.relatedLink.findMany({ where: { articleId: owner.id }, orderBy: { position: "asc" } })).map((l) => l.targetArticleId),
    )
    .toEqual([added.id, first.id, second.id]);

  // Move to the top, then remove.
  await panel.getByRole("button", { name: `Move “${second.headline}” to the top` }).focus();
  await page.keyboard.press("Enter");
  await expect(panel.getByTestId("related-announcement")).toHaveText(`Moved “${second.headline}” to position 1 of 3.`);
  await expect(panel.getByTestId("related-link").first()).toContainText(second.headline);
  await panel.getByRole("button", { name: `Remove “${first.headline}”` }).focus();
  await page.keyboard.press("Enter");
  await expect(panel.getByTestId("related-link")).toHaveCount(2);
  await expect(panel.getByTestId("related-status")).toHaveText(`Removed “${first.headline}”.`);
  await expect(panel.getByRole("heading", { name: "Curated links (2)" })).toBeFocused();
  await expect
    .poll(async () =>
      (await db.relatedLink.findMany({ where: { articleId: owner.id }, orderBy: { position: "asc" } })).map((l) => l.targetArticleId),
    )
    .toEqual([second.id, added.id]);
});

test("the audit log reads as words: who, what by name with a link, and each field before → after", async ({ page, loginAs }) => {
  const me = await loginAs("ADMIN");
  const article = await createArticle({ headline: uniqueHeadline("Port strike called off") });
  const renamed = `${article.headline}, unions say`;
  await page.goto(`/admin/articles/${article.id}`);
  await page.waitForLoadState("networkidle"); // fill's select-then-insert must not straddle hydration
  await page.getByLabel("Headline", { exact: true }).fill(renamed);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("notice")).toContainText("Version 2.");

  await page.goto(`/admin/audit?entity=article&user=${me.id}`);
  const event = page.getByTestId("audit-event").first();
  await expect(event).toContainText(me.name);
  await expect(event).toContainText("update article");
  await expect(event.getByRole("link", { name: renamed })).toHaveAttribute("href", `/admin/articles/${article.id}`);
  const changes = event.getByTestId("audit-changes");
  await expect(changes).toContainText(`headline${article.headline} → ${renamed}`);
  await expect(event).not.toContainText("{");
  await expect(event).not.toContainText(article.id);
});

test("an imported article's unresolved labels fold away with their count: attach all close matches, remove the rest", async ({
  page,
  loginAs,
  db,
}) => {
  await loginAs("ADMIN");
  const tag = uniqueHeadline("").trim();
  const owner = await createArticle({ headline: uniqueHeadline("Election night roundup") });
  const close = await createArticle({ headline: `Turnout record in northern provinces ${tag}` });
  const labels = [
    `Turnout record in northern provinces ${tag}`,
    ...Array.from({ length: 11 }, (_, i) => `Unmatched wire label ${i} ${tag}`),
  ];
  await db.relatedLink.createMany({
    data: labels.map((label, position) => ({ articleId: owner.id, position, label, labelKey: headlineKey(label) })),
  });
  await page.goto(`/admin/articles/${owner.id}/related`);
  const panel = page.getByTestId("related-panel");
  // Search and add sit above the labels, which stay folded until asked for.
  await expect(panel.getByLabel("Search articles by headline")).toBeInViewport();
  const unresolved = panel.getByTestId("unresolved-labels");
  await expect(panel.getByTestId("unresolved-summary")).toContainText("12 unresolved labels");
  await expect(unresolved.getByTestId("related-link").first()).toBeHidden();

  await panel.getByTestId("unresolved-summary").focus();
  await page.keyboard.press("Enter");
  await expect(unresolved.getByRole("button", { name: "Attach all matches ≥ 80 % (1)" })).toBeVisible();
  await unresolved.getByRole("button", { name: "Attach all matches ≥ 80 % (1)" }).focus();
  await page.keyboard.press("Enter");
  await expect(panel.getByTestId("related-status")).toHaveText("Attached 1 label to a matching article.");
  await expect(panel.getByRole("list", { name: "Related links in order" }).getByTestId("related-link")).toContainText([close.headline]);
  await expect(panel.getByTestId("unresolved-summary")).toContainText("11 unresolved labels");

  page.once("dialog", (dialog) => void dialog.accept());
  await unresolved.getByRole("button", { name: "Remove all 11 unresolved" }).click();
  await expect(panel.getByTestId("related-status")).toHaveText("Removed 11 unresolved labels.");
  await expect(unresolved).toHaveCount(0);
  expect(await db.relatedLink.findMany({ where: { articleId: owner.id }, select: { targetArticleId: true } })).toEqual([
    { targetArticleId: close.id },
  ]);
});
