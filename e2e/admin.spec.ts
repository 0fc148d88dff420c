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

  await page.goto(`/admin/articles/${owner.id}/related`);
  const panel = page.getByTestId("related-panel");
  const unresolved = panel.getByTestId("unresolved-labels");
  await expect(panel.getByTestId("unresolved-summary")).toContainText("2 unresolved labels");
  // Matches are looked up when the admin opens the labels, without leaving the page.
  await expect(panel.getByRole("button", { name: /^Attach “/ })).toHaveCount(0);
  await panel.getByTestId("unresolved-summary").click();
  await unresolved.getByRole("button", { name: `Attach “${russia.headline}” to “${RUSSIA}”` }).click();
  await expect(panel.getByTestId("related-status")).toHaveText("Attached.");
  await expect(panel.getByTestId("unresolved-summary")).toContainText("1 unresolved label");
  await unresolved.getByRole("button", { name: `Attach “${tunisia.headline}” to “${TUNISIA}”` }).click();
  await expect(panel.getByRole("list", { name: "Related links in order" }).getByTestId("related-link")).toHaveCount(2);
  await expect(unresolved).toHaveCount(0);
  expect(await readerRelatedNow()).toEqual([russia.headline, tunisia.headline]);

  // Reorder with the keyboard.
  await panel.getByRole("button", { name: `Move “${TUNISIA}” up` }).focus();
  await page.keyboard.press("Enter");
  await expect(panel.getByTestId("related-link").first()).toContainText(TUNISIA);
  await expect(panel.getByText("Order saved.")).toBeVisible();
  expect(await readerRelatedNow()).toEqual([tunisia.headline, russia.headline]);

  // An external link, validated and marked for readers.
  await panel.getByText("Link to another site").click();
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

  // Curated links and suggestions each have their own switch.
  await panel.getByRole("button", { name: "Switch automatic suggestions off" }).click();
  await panel.getByRole("button", { name: "Switch curated links off" }).click();
  await expect(panel.getByText("Curated links: Hidden from readers")).toBeVisible();
  await expect(panel.getByTestId("reader-sees")).toContainText("Readers see 0 curated stories and no suggestions.");
  expect(await readerRelatedNow()).toEqual([]);
  await expect(reader.getByRole("complementary")).toHaveCount(0);
  await panel.getByRole("button", { name: "Switch curated links on" }).click();
  await expect(panel.getByText("Curated links: Shown to readers")).toBeVisible();
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

test("the report leads from a row straight to its link in the panel, and removes ticked rows together", async ({ page, loginAs, db }) => {
  await loginAs("ADMIN");
  const tag = uniqueHeadline("").trim();
  const owner = await createArticle({ headline: uniqueHeadline("Budget coverage") });
  const [first, second, third] = await Promise.all(
    ["Tax bands", "Fuel duty", "Pension age"].map((text, position) => {
      const label = `${text} ${tag}`;
      return db.relatedLink.create({ data: { articleId: owner.id, position, label, labelKey: headlineKey(label) } });
    }),
  );
  await page.goto(`/admin/related-links?kind=unresolved&q=${tag}`);
  await page.getByRole("link", { name: second.label }).click();
  await expect(page).toHaveURL(`/admin/articles/${owner.id}/related?link=${second.id}#link-${second.id}`);
  await expect(page.locator(`#link-${second.id}`)).toBeFocused();
  await expect(page.locator(`#link-${second.id}`)).toBeInViewport();

  await page.goto(`/admin/related-links?kind=unresolved&q=${tag}`);
  await page.getByLabel(`Select “${first.label}” on “${owner.headline}”`).check();
  await page.getByLabel(`Select “${third.label}” on “${owner.headline}”`).check();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Remove selected" }).click();
  await expect(page.getByRole("status")).toHaveText("Removed 2 links.");
  await expect(page.getByRole("link", { name: first.label })).toHaveCount(0);
  expect((await db.relatedLink.findMany({ where: { articleId: owner.id } })).map((l) => [l.id, l.position])).toEqual([[second.id, 0]]);
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
  const replay = await captureAction(page, `**/admin/articles/${owner.id}/related`, async () => {
    await page.goto(`/admin/articles/${owner.id}/related`);
    await page.getByTestId("unresolved-summary").click();
    await page.getByRole("button", { name: "Remove “Keep me”" }).click();
  });

  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await signIn(editor, await createUser("EDITOR"));
  await editor.goto(`/admin/articles/${owner.id}/related`);
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

test("the users list shows the newest first, a page at a time, and finds anyone by name or email in any case", async ({
  page,
  loginAs,
  db,
}) => {
  await loginAs("ADMIN");
  const family = uniqueHeadline("okafor").replace(/\s+/g, "-").toLowerCase();
  // Fifty-one colleagues joined at once; none of them can sign in (no password matches "-").
  await db.user.createMany({
    data: Array.from({ length: 51 }, (_, i) => ({
      email: `${family}-${i}@example.test`,
      name: `Ngozi ${family} ${i}`,
      role: "EDITOR" as const,
      passwordHash: "-",
      createdAt: new Date(Date.now() - i * 1000),
    })),
  });
  await page.goto("/admin/users");
  await expect(page.getByRole("row").nth(1)).toContainText(`${family}-0@example.test`);
  await expect(page.getByText(/^Page 1 of \d+$/)).toBeVisible();

  await page.getByLabel("Name or email").fill(`NGOZI ${family.toUpperCase()}`);
  await page.getByLabel("Name or email").press("Enter");
  await expect(page.getByText(`51 users whose name or email contains “NGOZI ${family.toUpperCase()}”`)).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(51); // the header and 50
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page.getByText("Page 2 of 2")).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("row").nth(1)).toContainText(`${family}-50@example.test`);

  await page.getByLabel("Name or email").fill(`${family}-7@`);
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByText(`1 user whose name or email contains “${family}-7@”`)).toBeVisible();
  await expect(page.getByRole("button", { name: `Disable ${family}-7@example.test` })).toBeVisible();
});

test("admins manage users; the last active admin cannot be disabled", async ({ page, loginAs, db }) => {
  const me = await loginAs("ADMIN");
  await page.goto("/admin/users");
  const email = `${uniqueHeadline("new-editor").replace(/\s+/g, "-").toLowerCase()}@example.test`;
  await page.getByText("Create a user with a password instead").click();
  const form = page.locator("details", { hasText: "Create a user with a password instead" });
  await form.getByLabel("Name").fill("New Editor");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password", { exact: true }).fill("short");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByText("Use at least 12 characters.")).toBeVisible();
  await expect(form.getByLabel("Email")).toHaveValue(email);
  await form.getByLabel("Password", { exact: true }).fill("a long enough passphrase");
  await form.getByRole("button", { name: "Create user" }).click();
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

test("an admin invites an editor, who chooses a password from the link and signs in; the link works once", async ({
  page,
  browser,
  loginAs,
  db,
}) => {
  await loginAs("ADMIN");
  await page.goto("/admin/users");
  const email = `${uniqueHeadline("invited").replace(/\s+/g, "-").toLowerCase()}@example.test`;
  const invite = page.locator("form", { has: page.getByRole("button", { name: "Create invitation" }) });
  await invite.getByLabel("Name").fill("Invited Editor");
  await invite.getByLabel("Email").fill(email);
  await invite.getByRole("button", { name: "Create invitation" }).click();
  await expect(page.getByTestId("invitation")).toContainText(`Invitation created for ${email}: pass the link below on.`);
  const link = new URL(await page.getByLabel(/^Invitation link/).inputValue());
  await expect(page.getByRole("row", { name: new RegExp(email) })).toContainText("Works until");

  const context = await browser.newContext();
  const invited = await context.newPage();
  await invited.goto(link.pathname);
  await expect(invited.getByLabel("Email")).toHaveValue(email);
  await expect(invited.getByLabel("Your name")).toHaveValue("Invited Editor");
  await invited.getByLabel("Your name").fill("Ines Editor");
  await invited.getByLabel("Choose a password").fill("a password of my own");
  await invited.getByLabel("The same password again").fill("a password of my owm");
  await invited.getByRole("button", { name: "Create my account" }).click();
  await expect(invited.getByText("The two passwords differ.")).toBeVisible();
  await expect(invited.getByLabel("Your name")).toHaveValue("Ines Editor");
  await invited.getByLabel("Choose a password").fill("a password of my own");
  await invited.getByLabel("The same password again").fill("a password of my own");
  await invited.getByRole("button", { name: "Create my account" }).click();
  await expect(invited.getByText("Your account is ready. Sign in with your email and the password you chose.")).toBeVisible();
  await invited.getByLabel("Email").fill(email);
  await invited.getByLabel("Password").fill("a password of my own");
  await invited.getByRole("button", { name: "Sign in" }).click();
  await expect(invited.getByTestId("whoami")).toContainText("Ines Editor");
  expect((await db.user.findUniqueOrThrow({ where: { email } })).role).toBe("EDITOR");

  await invited.goto(link.pathname);
  await expect(invited.getByText("This invitation has been used already. Sign in with the email and password chosen then.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(email) })).toContainText("Active");
  await context.close();
});
