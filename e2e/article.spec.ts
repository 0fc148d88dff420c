import { createArticle, eventually, expect, test, uniqueHeadline } from "./fixtures";
import { readFileSync } from "node:fs";

const SEED_PATH = "/articles/mali-islamists-threaten-to-hit-at-heart-of-france-as-they-push-south";
const seed = readFileSync("seeds/000_8fd1ad85870b55ea.txt", "utf8");
const bodyParagraphs = seed
  .split("\n\n\n")[3]
  .split("\n\n")
  .slice(3)
  .map((p) => p.trim());

test("the seed article renders every field of its document", async ({ page }) => {
  const response = await page.goto(SEED_PATH);
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(/Mali Islamists threaten to hit at heart of France as they push south/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mali Islamists threaten to hit at heart of France as they push south");
  await expect(page.locator("h1")).toHaveCount(1);
  const article = page.getByRole("article");
  await expect(article.getByText("Local government official reports jihadists have seized Diabaly")).toBeVisible();
  await expect(article.getByRole("link", { name: "Serge Daniel" })).toHaveAttribute("href", "/authors/serge-daniel");
  await expect(article.getByText("BAMAKO", { exact: true })).toBeVisible();
  await expect(article.getByText("Middle East Online", { exact: true })).toBeVisible();
  await expect(article.locator("time").first()).toHaveAttribute("datetime", "2013-01-14T00:00:00.000Z");
  await expect(article.locator("figcaption")).toHaveText("Will surprise factor help in pushing back Islamists?");
  const paragraphs = article.locator(".prose-article p");
  await expect(paragraphs).toHaveCount(bodyParagraphs.length);
  expect(await paragraphs.allTextContents()).toEqual(bodyParagraphs);
});

test("the front page lists the newest article and links to it", async ({ page }) => {
  const newest = await createArticle({ headline: uniqueHeadline("Newest on the front page"), publishedAt: new Date() });
  await eventually(page, "/", () => expect(page.getByRole("link", { name: newest.headline })).toBeVisible({ timeout: 500 }));
  await page.getByRole("link", { name: newest.headline }).click();
  await expect(page).toHaveURL(`/articles/${newest.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(newest.headline);
});

test("an unknown article is a 404 page", async ({ page }) => {
  const response = await page.goto("/articles/no-such-story");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
