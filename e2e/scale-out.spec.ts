import { createArticle, createUser, expect, keepReading, signIn, test, uniqueHeadline } from "./fixtures";

// Two production instances share the database and the Redis cache (playwright.config.ts starts
// the second one when REDIS_URL is set, as the PostgreSQL run of `npm test` does). The browser
// context is signed in once; its cookie is sent to both, as behind a load balancer. Readers are
// `request`, with no cookie: what each instance's response cache answers is what they get.
const port = Number(process.env.E2E_PORT ?? 3217);
const instanceA = `http://127.0.0.1:${port}`;
const instanceB = `http://127.0.0.1:${port + 1}`;

test.skip(!process.env.REDIS_URL, "needs REDIS_URL: the second instance shares its cache through Redis");

test("a change made on one instance is what the other serves on its next request; sessions work on both", async ({ page, request }) => {
  const editor = await createUser("EDITOR");
  await signIn(page, editor);
  const headline = uniqueHeadline("Harbour bridge reopens");
  const article = await createArticle({ headline, status: "DRAFT", publishedAt: null });

  // Both instances have cached pages that do not show the article yet, and readers keep asking.
  for (const instance of [instanceA, instanceB]) {
    expect((await request.get(`${instance}/articles/${article.slug}`)).status()).toBe(404);
    expect(await (await request.get(`${instance}/`)).text()).not.toContain(headline);
  }
  const readersOfFronts = keepReading(request, [`${instanceA}/`, `${instanceB}/`]);

  // The editor publishes on A…
  await page.goto(`${instanceA}/admin/articles/${article.id}`);
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByTestId("notice")).toHaveText("Published — view live. Version 2.");
  await readersOfFronts.stop();

  // …and the very next reader requests on B show it.
  const onB = await request.get(`${instanceB}/articles/${article.slug}`);
  expect(onB.status()).toBe(200);
  expect(await onB.text()).toContain(headline);
  expect(await (await request.get(`${instanceB}/`)).text()).toContain(headline);

  // The same session works on B, where the editor changes the headline…
  await page.goto(`${instanceB}/admin/articles/${article.id}`);
  await expect(page.getByRole("heading", { name: "Edit article" })).toBeVisible();
  const corrected = `${headline} after repairs`;
  await page.getByLabel("Headline").fill(corrected);
  const readersOfA = keepReading(request, [`${instanceA}/articles/${article.slug}`]);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("notice")).toHaveText("Updated — live now: view live. Version 3.");
  await readersOfA.stop();

  // …and A's next response carries it.
  expect(await (await request.get(`${instanceA}/articles/${article.slug}`)).text()).toContain(corrected);
});
