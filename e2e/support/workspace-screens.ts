import type { Page } from "@playwright/test";
import { expect, type TestUser } from "../fixtures";
import { phonePhoto } from "../../test/support/images";

/** The imported seed article: 45 related-story labels waiting for their articles. */
export const SEED_SLUG = "mali-islamists-threaten-to-hit-at-heart-of-france-as-they-push-south";

export type Screen = {
  name: string;
  path: string;
  /** Puts the screen in the state worth looking at (a section opened, a form answered). */
  prepare?: (page: Page) => Promise<void>;
};

type Db = ReturnType<typeof import("../fixtures").database>;

/**
 * Every workspace screen, in a state a desk sees on a working day: an article with two versions,
 * the seed article's related stories with their matches, an invitation just created. Signed in as
 * `admin` (who sees every screen).
 */
export async function workspaceScreens(page: Page, db: Db, admin: TestUser, tag: string): Promise<Screen[]> {
  const seed = await db.article.findUniqueOrThrow({ where: { slug: SEED_SLUG }, select: { id: true } });
  const author = await db.author.findFirstOrThrow({ select: { id: true } });

  // An article saved twice through the form: its history has a comparison to show.
  await page.goto("/admin/articles/new");
  await page.getByLabel("Headline").fill(`Port authority approves night shipping ${tag}`);
  await page.getByLabel("Body", { exact: true }).fill("The port will open at night from March.\n\nUnions have yet to agree.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("notice")).toContainText("Version 1.");
  await page.getByLabel("Body", { exact: true }).fill("The port will open at night from April.\n\nUnions agreed on Tuesday.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("notice")).toContainText("Version 2.");
  const articlePath = new URL(page.url()).pathname;

  // A picture in the library, to show the library and its edit screen.
  const picture = await page.request.post("/admin/media/upload", {
    data: await phonePhoto({ seed: Date.now() }),
    headers: { "X-File-Name": "harbour.jpg" },
  });
  expect(picture.status()).toBe(200);
  const { id: pictureId } = (await picture.json()) as { id: string };

  return [
    { name: "dashboard", path: "/admin" },
    { name: "articles", path: "/admin/articles" },
    { name: "new-article", path: "/admin/articles/new" },
    { name: "edit-article", path: articlePath },
    {
      name: "edit-article-rich",
      path: articlePath,
      prepare: async (p) => {
        await p.getByRole("group", { name: "Body view" }).getByRole("button", { name: "Rich text" }).click();
        await expect(p.getByTestId("rich-body")).toBeVisible();
      },
    },
    {
      name: "related-panel",
      path: `/admin/articles/${seed.id}/related`,
      prepare: async (p) => {
        await p.getByTestId("unresolved-summary").click();
        await expect(p.getByRole("button", { name: /^Attach all matches ≥ 80 % \(\d+\)$/ })).toBeVisible();
      },
    },
    { name: "revision-compare", path: `${articlePath}/revisions` },
    { name: "preview", path: `${articlePath}/preview` },
    { name: "authors", path: "/admin/authors" },
    { name: "author", path: `/admin/authors/${author.id}` },
    { name: "related-links-report", path: "/admin/related-links" },
    { name: "media", path: "/admin/media" },
    { name: "media-list", path: "/admin/media?view=list" },
    { name: "picture", path: `/admin/media/${pictureId}` },
    {
      name: "users",
      path: "/admin/users",
      prepare: async (p) => {
        const form = p.locator("form", { has: p.getByRole("button", { name: "Create invitation" }) });
        await form.getByLabel("Email").fill(`screens-${tag}@example.test`);
        await form.getByRole("button", { name: "Create invitation" }).click();
        await expect(p.getByTestId("invitation")).toBeVisible();
      },
    },
    { name: "audit-log", path: "/admin/audit" },
    { name: "trash", path: "/admin/trash" },
    { name: "settings", path: "/admin/settings" },
    { name: "wires", path: "/admin/sources" },
  ];
}

export const WIDTHS = [
  { label: "desktop", width: 1280, height: 900 },
  { label: "phone", width: 390, height: 844 },
] as const;
