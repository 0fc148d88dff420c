import sharp from "sharp";
import { createArticle, eventually, expect, test, uniqueHeadline } from "./fixtures";
import { phonePhoto } from "../test/support/images";

// Pictures as a desk uses them (issue 15): upload to the library, describe, choose as a lead image,
// publish, and what readers, link previews and search engines get.

const uniquePhoto = () => phonePhoto({ width: 1600, height: 900, seed: Math.floor(Math.random() * 1e9) });

test("an editor uploads pictures, is told why a hostile one is refused, describes one, and readers get it as the lead image", async ({
  page,
  loginAs,
  request,
}) => {
  await loginAs("EDITOR");
  const fileName = `harbour-${Date.now()}.jpg`;
  await page.goto("/admin/media");
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
  await page.getByTestId("media-file-input").setInputFiles([
    { name: fileName, mimeType: "image/jpeg", buffer: await uniquePhoto() },
    { name: "innocent.png", mimeType: "image/png", buffer: svg },
  ]);
  const uploads = page.getByRole("list", { name: "Uploads" });
  await expect(uploads.getByRole("listitem").filter({ hasText: fileName })).toContainText("Uploaded — add alt text before publishing.");
  await expect(uploads.getByRole("listitem").filter({ hasText: "innocent.png" })).toContainText("SVG files are not accepted");

  // Choose it as the lead image of a new story, and try to publish before describing it.
  const headline = uniqueHeadline("Harbour at dawn");
  await page.goto("/admin/articles/new");
  await page.getByLabel("Headline").fill(headline);
  await page.getByLabel("Body", { exact: true }).fill("The boats came in at first light.");
  await page.getByRole("button", { name: "Choose lead picture" }).click();
  await page.getByRole("searchbox", { name: "Search the library" }).fill(fileName);
  await page.getByRole("button", { name: `Use ${fileName}` }).click();
  await expect(page.getByTestId("leadImageId-thumb")).toBeVisible();
  await expect(page.getByRole("button", { name: "Change lead picture" })).toBeFocused();
  // The same picture again inside the text, where the cursor is.
  const body = page.getByLabel("Body", { exact: true });
  await body.press("End");
  await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Picture" }).click();
  await page.getByRole("searchbox", { name: "Search the library" }).fill(fileName);
  await page.getByRole("button", { name: `Use ${fileName}` }).click();
  await expect(body).toHaveValue(/^The boats came in at first light\.\n\n!\[\]\(\/media\/[0-9a-f]{64}\)\n\n$/);
  await expect(body).toBeFocused();
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByText("Describe this picture for readers who cannot see it")).toBeVisible();
  await expect(page.getByLabel("Headline")).toHaveValue(headline);

  // Describe it in another tab, as the link offers, then publish.
  const [describe] = await Promise.all([
    page.context().waitForEvent("page"),
    page.getByRole("link", { name: /Describe this picture/ }).click(),
  ]);
  await describe.getByLabel("Alt text").fill("Fishing boats moored in a harbour at dawn");
  await describe.getByLabel("Credit").fill("Jane Roe / Agency");
  await describe.getByRole("button", { name: "Save picture" }).click();
  await expect(describe.getByText("Saved. Stories using this picture show the change.")).toBeVisible();
  await describe.close();
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByTestId("notice")).toContainText("Published — view live.");

  // The reader's page: the lead picture first, described, sized, with its credit.
  await page.getByTestId("notice").getByRole("link", { name: "view live" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(headline);
  const lead = page.locator("figure.lead-image img");
  await expect(lead).toHaveAttribute("alt", "Fishing boats moored in a harbour at dawn");
  await expect(lead).toHaveAttribute("fetchpriority", "high");
  await expect(lead).toHaveAttribute("width", "960");
  await expect(lead).toHaveAttribute("height", "540");
  await expect(page.locator("figure.lead-image figcaption")).toContainText("Photo: Jane Roe / Agency");
  await expect(page.locator("figure.lead-image source[type='image/avif']")).toHaveAttribute("srcset", /1600w$/);
  // The rendition is made on its first request: the picture may still be arriving.
  await expect.poll(() => lead.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const inText = page.locator("figure.body-image img");
  await expect(inText).toHaveAttribute("loading", "lazy");
  await expect(inText).toHaveAttribute("alt", "Fishing boats moored in a harbour at dawn");

  // Link previews and search engines get the crops.
  const ogImage = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(ogImage).toMatch(/\/media\/[0-9a-f]{64}\/og-1200-f50-50\.jpg$/);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(jsonLd.image.map((url: string) => url.match(/\/(16x9|4x3|1x1)-1200/)?.[1])).toEqual(["16x9", "4x3", "1x1"]);
  const card = await request.get(new URL(ogImage!).pathname);
  expect(card.status()).toBe(200);
  expect(card.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  const size = await sharp(await card.body()).metadata();
  expect([size.width, size.height]).toEqual([1200, 630]);

  // The front page shows it as a thumbnail; the feed carries it.
  await page.goto("/");
  await expect(page.getByRole("article").filter({ hasText: headline }).locator("img")).toHaveAttribute("loading", "lazy");
  const feed = await (await request.get("/feed.xml")).text();
  expect(feed).toContain('medium="image"');
});

test("uploads are refused for someone signed out and past 25 MB before the body is read; a 12 MB photo arrives whole", async ({
  request,
  loginAs,
  page,
}) => {
  const signedOut = await request.post("/admin/media/upload", {
    data: await uniquePhoto(),
    headers: { "X-File-Name": "x.jpg" },
    maxRedirects: 0,
  });
  // The proxy sends a signed-out browser to sign in; the route itself would answer 401.
  expect(signedOut.status()).toBe(307);
  expect(signedOut.headers()["location"]).toContain("/login");
  await loginAs("EDITOR");
  const tooLarge = await page.request.post("/admin/media/upload", {
    data: Buffer.alloc(26 * 1024 * 1024),
    headers: { "X-File-Name": "big.jpg" },
  });
  expect(tooLarge.status()).toBe(413);
  expect(await tooLarge.text()).toBe("This file is larger than 25 MB.");

  // A real photo of 12 MB, over the workspace's 2 MB form limit and the proxy's default buffer, arrives whole.
  const noise = Buffer.alloc(2000 * 2000 * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761 + Date.now()) >>> 24;
  const large = await sharp(noise, { raw: { width: 2000, height: 2000, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
  expect(large.length).toBeGreaterThan(11 * 1024 * 1024);
  const accepted = await page.request.post("/admin/media/upload", { data: large, headers: { "X-File-Name": "noise.png" } });
  expect(accepted.status()).toBe(200);
  expect(await accepted.json()).toMatchObject({ width: 2000, height: 2000 });
});

test("an admin gives the publication its logo in the settings, and search engines see it as the publisher's", async ({
  page,
  loginAs,
  db,
}) => {
  await loginAs("ADMIN");
  const name = `masthead-${Date.now()}.jpg`;
  const upload = await page.request.post("/admin/media/upload", { data: await uniquePhoto(), headers: { "X-File-Name": name } });
  const { id } = (await upload.json()) as { id: string };
  const { contentHash } = await db.image.findUniqueOrThrow({ where: { id } });
  const story = await createArticle({ headline: uniqueHeadline("Masthead story") });
  try {
    await page.goto("/admin/settings");
    await page.getByRole("button", { name: "Choose logo" }).click();
    await page.getByRole("searchbox", { name: "Search the library" }).fill(name);
    await page.getByRole("button", { name: `Use ${name}` }).click();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved. Reader pages show the change within a second.");
    await eventually(page, `/articles/${story.slug}`, async () => {
      const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
      expect(jsonLd.publisher.logo.url).toContain(`/media/${contentHash}/full-640.jpg`);
    });
  } finally {
    await db.siteSettings.updateMany({ data: { logoImageId: null } });
  }
});

test("the desk credits a batch of pictures at once, and replaces a file everywhere it is used", async ({ page, loginAs, db }) => {
  await loginAs("EDITOR");
  const tag = Date.now().toString(36);
  const ids: string[] = [];
  for (const n of [1, 2]) {
    const upload = await page.request.post("/admin/media/upload", {
      data: await uniquePhoto(),
      headers: { "X-File-Name": `batch-${tag}-${n}.jpg` },
    });
    ids.push(((await upload.json()) as { id: string }).id);
  }
  await page.goto(`/admin/media?view=list&q=batch-${tag}`);
  await page.getByRole("button", { name: "Select all on this page" }).click();
  await page.getByLabel("Credit for the selected pictures").fill("Agency Pool");
  await page.getByRole("button", { name: "Set credit" }).click();
  await expect(page.getByRole("status")).toHaveText("Credit set on 2 pictures.");
  await expect(page.getByRole("row", { name: new RegExp(`batch-${tag}-1`) })).toContainText("Agency Pool");
  expect((await db.image.findMany({ where: { id: { in: ids } } })).map((i) => i.credit)).toEqual(["Agency Pool", "Agency Pool"]);

  // Replace the first picture's file: same picture, new pixels, its credit kept.
  const before = await db.image.findUniqueOrThrow({ where: { id: ids[0] } });
  await page.goto(`/admin/media/${ids[0]}`);
  await page
    .getByTestId("media-file-input")
    .setInputFiles({ name: `batch-${tag}-new.jpg`, mimeType: "image/jpeg", buffer: await uniquePhoto() });
  await expect(page.getByRole("list", { name: "Uploads" })).toContainText("Replaced — every story using this picture shows the new file.");
  const after = await db.image.findUniqueOrThrow({ where: { id: ids[0] } });
  expect(after.contentHash).not.toBe(before.contentHash);
  expect(after.credit).toBe("Agency Pool");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`batch-${tag}-new.jpg`);
});

test("until an admin chooses a logo, search engines get the publication's name drawn as one, 600 × 60", async ({ request }) => {
  const logo = await request.get("/logo.png");
  expect(logo.status()).toBe(200);
  expect(logo.headers()["content-type"]).toBe("image/png");
  const size = await sharp(await logo.body()).metadata();
  expect([size.width, size.height]).toEqual([600, 60]);
});
