import AxeBuilder from "@axe-core/playwright";
import { expect, test, uniqueHeadline } from "./fixtures";
import { WIDTHS, workspaceScreens } from "./support/workspace-screens";

// Every workspace screen, at desktop and phone widths, in the state a desk sees it, scanned by axe.

/** Screens that rearrange themselves at phone width (stacked tables, folded tabs): scanned at both widths. */
const PHONE_LAYOUTS = ["dashboard", "edit-article", "related-panel", "revision-compare", "audit-log", "users", "picture", "wires"];

test("every workspace screen passes an axe scan with no violations, at desktop and phone widths", async ({ page, loginAs, db }) => {
  test.setTimeout(180_000);
  const admin = await loginAs("ADMIN");
  const screens = await workspaceScreens(page, db, admin, uniqueHeadline("").trim());
  const violations: string[] = [];
  for (const { width, height, label } of WIDTHS) {
    await page.setViewportSize({ width, height });
    // Every screen at desktop width; at phone width, those whose layout changes on a phone.
    for (const screen of label === "desktop" ? screens : screens.filter((s) => PHONE_LAYOUTS.includes(s.name))) {
      await page.goto(screen.path);
      await screen.prepare?.(page);
      const results = await new AxeBuilder({ page }).analyze();
      violations.push(...results.violations.map((v) => `${screen.name} (${label}): ${v.id} ${v.help} — ${v.nodes[0]?.target.join(" ")}`));
    }
  }
  expect(violations).toEqual([]);
});

test("the pages outside the workspace an invited person and a signed-out editor meet pass axe too", async ({ page, browser, loginAs }) => {
  await loginAs("ADMIN");
  await page.goto("/admin/users");
  const form = page.locator("form", { has: page.getByRole("button", { name: "Create invitation" }) });
  await form.getByLabel("Email").fill(`${uniqueHeadline("axe").replace(/\s+/g, "-").toLowerCase()}@example.test`);
  await form.getByRole("button", { name: "Create invitation" }).click();
  const link = new URL(await page.getByLabel(/^Invitation link/).inputValue());
  const context = await browser.newContext();
  const visitor = await context.newPage();
  for (const path of [link.pathname, "/invite/not-a-real-invitation", "/login"]) {
    await visitor.goto(path);
    const results = await new AxeBuilder({ page: visitor }).analyze();
    expect(results.violations.map((v) => `${path}: ${v.id} ${v.help}`)).toEqual([]);
  }
  await context.close();
});

test("at phone width no workspace screen is wider than the screen, and the users and audit tables stack", async ({ page, loginAs, db }) => {
  test.setTimeout(120_000);
  const admin = await loginAs("ADMIN");
  const tag = uniqueHeadline("").trim();
  const screens = await workspaceScreens(page, db, admin, tag);
  // A wire copy's source as one long address: the audit log shows it in full, on a phone too.
  await page.goto("/admin/articles/new");
  await page.getByLabel("Headline").fill(`Long source ${tag}`);
  await page.getByLabel("Source", { exact: true }).fill(`https://wires.example.test/${"wirestory".repeat(15)}${tag.replace(/\W/g, "")}`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("notice")).toContainText("Version 1.");
  const phone = WIDTHS.find((w) => w.label === "phone")!;
  await page.setViewportSize({ width: phone.width, height: phone.height });
  // Tables a desk reads row by row on a phone stack each row; others may scroll inside their own frame.
  const stackedOnPhones = ["users", "audit-log"];
  const wide: string[] = [];
  for (const screen of screens) {
    await page.goto(screen.path);
    await screen.prepare?.(page);
    const overflowing = await page.evaluate((framesToo) => {
      const found: string[] = [];
      const root = document.documentElement;
      if (root.scrollWidth > root.clientWidth + 1) found.push(`the page is ${root.scrollWidth}px wide`);
      if (framesToo)
        for (const frame of document.querySelectorAll<HTMLElement>("main .overflow-x-auto"))
          if (frame.scrollWidth > frame.clientWidth + 1)
            found.push(`a table (${frame.querySelector("caption")?.textContent ?? "no caption"}) is ${frame.scrollWidth}px wide`);
      return found;
    }, stackedOnPhones.includes(screen.name));
    wide.push(...overflowing.map((what) => `${screen.name}: ${what}`));
  }
  expect(wide).toEqual([]);
});
