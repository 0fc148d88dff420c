import { mkdirSync } from "node:fs";
import { expect, test, uniqueHeadline } from "./fixtures";
import { WIDTHS, workspaceScreens } from "./support/workspace-screens";

// `npm run screens`: the README's pictures of the workspace, taken from a fresh production build
// with the seeds imported, so they show what the code does today. Not part of `npm test`.

const SHOWN = ["edit-article-rich", "media", "picture", "related-panel", "revision-compare", "audit-log"];

test("screenshots of the editor, the media library, the related panel, the revision compare and the audit log", async ({
  page,
  loginAs,
  db,
}) => {
  test.setTimeout(120_000);
  const admin = await loginAs("ADMIN");
  const screens = (await workspaceScreens(page, db, admin, uniqueHeadline("").trim())).filter((s) => SHOWN.includes(s.name));
  mkdirSync("docs/screens", { recursive: true });
  for (const { width, height } of WIDTHS) {
    await page.setViewportSize({ width, height });
    for (const screen of screens) {
      await page.goto(screen.path);
      await screen.prepare?.(page);
      await expect(page.locator("main")).toBeVisible();
      // Renditions are made on their first request: wait for the pictures.
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: `docs/screens/${screen.name}-${width}.png`, fullPage: false });
    }
  }
});
