import type { Page } from "@playwright/test";
import { expect, test, uniqueHeadline } from "./fixtures";

// The body as rich text over the stored Markdown (issue 16), as a reporter who never writes Markdown uses it.

// A browser that has never chosen: the body opens in rich text.
test.use({ storageState: { cookies: [], origins: [] } });

async function newStory(page: Page, headline: string) {
  page.on("dialog", (dialog) => void dialog.accept(dialog.type() === "prompt" ? "https://example.org/report" : undefined));
  await page.goto("/admin/articles/new");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Headline").fill(headline);
  const editor = page.getByTestId("rich-body");
  await expect(editor).toBeVisible();
  return editor;
}

async function paste(page: Page, html: string) {
  await page.evaluate((content) => {
    const data = new DataTransfer();
    data.setData("text/html", content);
    data.setData("text/plain", "(plain)");
    document.activeElement!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

async function markdownOf(page: Page) {
  await page.getByRole("group", { name: "Body view" }).getByRole("button", { name: "Markdown" }).click();
  const value = await page.getByLabel("Body", { exact: true }).inputValue();
  await page.getByRole("group", { name: "Body view" }).getByRole("button", { name: "Rich text" }).click();
  return value;
}

test("a reporter writes with the keyboard and the toolbar, and Byline stores Markdown", async ({ page, loginAs, db }) => {
  await loginAs("EDITOR");
  const headline = uniqueHeadline("Rich text");
  const editor = await newStory(page, headline);
  await editor.click();
  await page.keyboard.type("Talks resume");
  await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Heading" }).click();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Negotiators met ");
  await page.keyboard.press("ControlOrMeta+b");
  await page.keyboard.type("overnight");
  await page.keyboard.press("ControlOrMeta+b");
  await page.keyboard.type(". See the report.");
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Bulleted list" }).click();
  await page.keyboard.type("first point");
  await page.keyboard.press("Enter");
  await page.keyboard.type("second point");
  // Back up to "the report" and link it, last: the address is asked in a dialog, and keys pressed
  // while a dialog closes are not to be relied on.
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowLeft");
  for (let i = 0; i < "the report".length; i++) await page.keyboard.press("Shift+ArrowLeft");
  await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Link" }).click();
  await expect(editor.getByRole("link", { name: "the report" })).toHaveAttribute("href", "https://example.org/report");

  const expected =
    "## Talks resume\n\nNegotiators met **overnight**. See [the report](https://example.org/report).\n\n- first point\n- second point";
  expect(await markdownOf(page)).toBe(expected);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("notice")).toContainText("Saved as a draft.");
  expect((await db.article.findFirstOrThrow({ where: { headline } })).body).toBe(expected);
  // Opened again, the same text, in rich text.
  await expect(page.getByTestId("rich-body").locator("h2")).toHaveText("Talks resume");
});

test("pasting from Google Docs and Word keeps links, emphasis, headings and lists, and drops styles, scripts and comments", async ({
  page,
  loginAs,
}) => {
  await loginAs("EDITOR");
  const editor = await newStory(page, uniqueHeadline("Pasted"));
  await editor.click();
  // What Google Docs puts on the clipboard: everything wrapped in a non-bold <b>, styles inline.
  await paste(
    page,
    `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-4a7b"><p dir="ltr" style="line-height:1.38"><span style="font-size:11pt;font-weight:700;color:#000000">Storm</span><span style="font-size:11pt"> hits the </span><a href="https://example.org/coast" style="text-decoration:none"><span style="color:#1155cc;text-decoration:underline">coast</span></a><span style="font-style:italic"> tonight</span></p><h2 dir="ltr"><span>Evacuations</span></h2><ul><li dir="ltr"><p dir="ltr"><span>Harbour</span></p></li><li><p><span>Old town</span></p></li></ul><script>alert("x")</script><!-- tracking --></b>`,
  );
  // Out of the list (Enter on an empty item leaves it), then what Word puts there: Mso classes, o:p elements, and a script link that must not survive.
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await paste(page, `<p class=MsoNormal><b>Officials</b> said <a href="javascript:alert(1)">more</a> later<o:p></o:p></p>`);
  const markdown = await markdownOf(page);
  expect(markdown).toContain("**Storm** hits the [coast](https://example.org/coast) _tonight_");
  expect(markdown).toContain("## Evacuations");
  expect(markdown).toContain("- Harbour\n- Old town");
  expect(markdown).toContain("- Old town\n\n**Officials** said more later");
  expect(markdown).not.toMatch(/alert|docs-internal|style|tracking|Mso|javascript|<|>/);
});

test("text the rich editor cannot show unchanged stays in the Markdown view, and says why", async ({ page, loginAs }) => {
  await loginAs("EDITOR");
  await newStory(page, uniqueHeadline("Struck"));
  await page.getByRole("group", { name: "Body view" }).getByRole("button", { name: "Markdown" }).click();
  await page.getByLabel("Body", { exact: true }).fill("Prices ~~rose~~ fell.");
  await page.getByRole("group", { name: "Body view" }).getByRole("button", { name: "Rich text" }).click();
  await expect(page.getByText("This text uses Markdown the rich editor cannot show unchanged")).toBeVisible();
  await expect(page.getByLabel("Body", { exact: true })).toHaveValue("Prices ~~rose~~ fell.");
});
