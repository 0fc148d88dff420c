import type { Page } from "@playwright/test";
import { headlineKey } from "@/lib/text";
import { captureAction, createArticle, createUser, expect, signIn, test, uniqueHeadline } from "./fixtures";

/** The curated related stories a reader sees on an article, in order. */
async function readerRelated(page: Page, slug: string) {
  await page.goto(`/articles/${slug}`);
  const aside = page.getByRole("complementary", { name: "Related stories" });
  return (await aside.count()) ? aside.getByRole("link").allTextContents() : [];
}

test("an admin curates an imported article's related stories and readers see every change", async ({ page, browser, loginAs, db }) => {
  await loginAs("ADMIN");
  // An article as the importer leaves it: related stories as labels waiting for their articles.
  const tag = uniqueHeadline("").trim();
  const RUSSIA = `Russia prepares retaliation against Turkey ${tag}`;
  const TUNISIA = `Tunisia to rethink anti-IS strategy ${tag}`;
  const owner = await createArticle({ headline: uniqueHeadline("Sahel offensive") });
  for (const [position, label] of [RUSSIA, TUNISIA].entries()) {
    await db.relatedLink.create({ data: { articleId: owner.id, position, label, labelKey: headlineKey(label) } });
  }
  const russia = await createArticle({ headline: `${RUSSIA} over the jet` });
  const tunisia = await createArticle({ headline: `${TUNISIA} after the attack` });
  const reader = await (await browser.newContext()).newPage();
  const readerRelatedNow = () => readerRelated(reader, owner.slug);

  await page.goto(`/admin/articles/${owner.id}`);
  const panel = page.getByTestId("related-panel");
  await expect(panel.getByTestId("related-link").first()).toContainText("Unresolved (label only)");
  // Candidates are looked up on request, one label at a time.
  await expect(panel.getByRole("button", { name: /^Attach/ })).toHaveCount(0);
  await panel.getByRole("link", { name: `For “${RUSSIA}”: Find matching articles` }).click();
  await panel.getByRole("button", { name: `Attach “${russia.headline}” to “${RUSSIA}”` }).click();
  await expect(panel.getByTestId("related-link").first()).toContainText("Linked to a published article");
  await panel.getByRole("link", { name: `For “${TUNISIA}”: Find matching articles` }).click();
  await panel.getByRole("button", { name: `Attach “${tunisia.headline}” to “${TUNISIA}”` }).click();
  await expect(panel.getByTestId("related-link").nth(1)).toContainText("Linked to a published article");
  expect(await readerRelatedNow()).toEqual([russia.headline, tunisia.headline]);

  // Reorder with the keyboard.
  await panel.getByRole("button", { name: `Move “${TUNISIA}” up` }).focus();
  await page.keyboard.press("Enter");
  await expect(panel.getByTestId("related-link").first()).toContainText(TUNISIA);
  await expect(panel.getByText("Order saved.")).toBeVisible();
  expect(await readerRelatedNow()).toEqual([tunisia.headline, russia.headline]);

  // An external link, validated and marked for readers.
  await panel.getByLabel("URL").fill("javascript:alert(1)");
  await panel.getByLabel("Label", { exact: true }).fill("Background analysis");
  await panel.getByRole("button", { name: "Add external link" }).click();
  await expect(panel.getByText("Enter a full http:// or https:// address.")).toBeVisible();
  await expect(panel.getByLabel("Label", { exact: true })).toHaveValue("Background analysis");
  await panel.getByLabel("URL").fill("https://example.org/sahel-analysis");
  await panel.getByRole("button", { name: "Add external link" }).click();
  await expect(panel.getByText("→ https://example.org/sahel-analysis")).toBeVisible();
  expect(await readerRelatedNow()).toEqual([tunisia.headline, russia.headline, "Background analysis (external site)"]);

  // Remove one.
  await panel.getByRole("button", { name: `Remove “${RUSSIA}”` }).click();
  await expect(panel.getByTestId("related-link").filter({ hasText: new RegExp(`^\\d+\\. ${RUSSIA} —`) })).toHaveCount(0);
  expect(await readerRelatedNow()).toEqual([tunisia.headline, "Background analysis (external site)"]);

  // Switch related stories off, and on again.
  await panel.getByRole("button", { name: "Switch related stories off" }).click();
  await expect(panel.getByText("Switched off for this article")).toBeVisible();
  expect(await readerRelatedNow()).toEqual([]);
  await expect(reader.getByRole("complementary")).toHaveCount(0);
  await panel.getByRole("button", { name: "Switch related stories on" }).click();
  await expect(panel.getByText("Shown to readers")).toBeVisible();
  expect(await readerRelatedNow()).toEqual([tunisia.headline, "Background analysis (external site)"]);
  await reader.context().close();
});

test("the related-links report attaches a near-exact match in one click", async ({ page, loginAs, db }) => {
  await loginAs("ADMIN");
  const tag = uniqueHeadline("").trim();
  const label = `Somali pirates seize Iran fishing boat with 15 crew ${tag}`;
  const owner = await createArticle({ headline: uniqueHeadline("Piracy round-up") });
  const link = await db.relatedLink.create({ data: { articleId: owner.id, position: 0, label, labelKey: headlineKey(label) } });
  const pirates = await createArticle({ headline: `${label} today` });
  await page.goto(`/admin/related-links?kind=unresolved&q=${tag}`);
  await page.getByRole("button", { name: `Attach “${pirates.headline}” to “${label}”` }).click();
  await expect.poll(async () => (await db.relatedLink.findUniqueOrThrow({ where: { id: link.id } })).targetArticleId).toBe(pirates.id);
  await page.goto(`/admin/related-links?kind=unresolved&q=${tag}`);
  await expect(page.getByText("0 links")).toBeVisible();
});

test("editors see the panel read-only, and a replayed admin action is refused with nothing changed", async ({
  page,
  browser,
  loginAs,
  db,
}) => {
  const owner = await createArticle({ headline: uniqueHeadline("Article with a link") });
  const link = await db.relatedLink.create({ data: { articleId: owner.id, position: 0, label: "Keep me", labelKey: "keep me" } });

  // Capture the request an admin's browser would send, without letting it through.
  await loginAs("ADMIN");
  const replay = await captureAction(page, `**/admin/articles/${owner.id}`, async () => {
    await page.goto(`/admin/articles/${owner.id}`);
    await page.getByRole("button", { name: "Remove “Keep me”" }).click();
  });

  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await signIn(editor, await createUser("EDITOR"));
  await editor.goto(`/admin/articles/${owner.id}`);
  const panel = editor.getByTestId("related-panel");
  await expect(panel.getByText("Only administrators can change related stories.")).toBeVisible();
  await expect(panel.getByRole("button")).toHaveCount(0);

  const refused = await replay(editor);
  expect(await refused.text()).toContain("Your role does not allow this.");
  expect(await db.relatedLink.findUnique({ where: { id: link.id } })).not.toBeNull();

  // The same request from the admin does go through: the replay itself is sound.
  await replay(page);
  await expect.poll(() => db.relatedLink.findUnique({ where: { id: link.id } })).toBeNull();
  await editorContext.close();
});

test("admins manage users; the last active admin cannot be disabled", async ({ page, loginAs, db }) => {
  const me = await loginAs("ADMIN");
  await page.goto("/admin/users");
  const email = `${uniqueHeadline("new-editor").replace(/\s+/g, "-").toLowerCase()}@example.test`;
  await page.getByLabel("Name").fill("New Editor");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await page.getByLabel("Password", { exact: true }).fill("a long enough passphrase");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText(`Created ${email}.`)).toBeVisible();
  const created = await db.user.findUniqueOrThrow({ where: { email } });
  expect(created.role).toBe("EDITOR");

  const row = page.getByRole("row", { name: new RegExp(email) });
  await row.getByLabel(`Role of ${email}`, { exact: true }).selectOption("ADMIN");
  await row.getByRole("button", { name: `Save role of ${email}` }).click();
  await expect.poll(async () => (await db.user.findUniqueOrThrow({ where: { email } })).role).toBe("ADMIN");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: `Disable ${email}` }).click();
  await expect.poll(async () => (await db.user.findUniqueOrThrow({ where: { email } })).disabled).toBe(true);

  // Make this the only active admin, then try to disable it; the others are enabled again after.
  const others = await db.user.findMany({ where: { role: "ADMIN", disabled: false, id: { not: me.id } }, select: { id: true } });
  await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabled: true } });
  try {
    await page.goto("/admin/users");
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: `Disable ${me.email}` }).click();
    await expect(page.getByText("This is the last active administrator: make another user an active administrator first.")).toBeVisible();
    expect((await db.user.findUniqueOrThrow({ where: { id: me.id } })).disabled).toBe(false);
    await expect(page.getByTestId("whoami")).toContainText("(Admin)");
  } finally {
    await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabled: false } });
  }

  // The audit log shows who did it.
  await page.goto("/admin/audit?entity=user");
  await expect(page.getByTestId("audit-event").first()).toContainText(me.name);
});
