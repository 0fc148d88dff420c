import { test as base, expect, type APIRequestContext, type Page, type Request } from "@playwright/test";
import { createDb, type Db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { headlineKey, slugify } from "@/lib/text";

// The end-to-end database, for arranging what a test needs and checking what the app wrote.
// (The Playwright process runs with the react-server condition so lib/ modules load here.)
const databaseUrl = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";
let shared: Db | undefined;
export const database = () => (shared ??= createDb(databaseUrl));

type ArticleInput = {
  headline: string;
  status?: "DRAFT" | "SCHEDULED" | "PUBLISHED" | "ARCHIVED";
  publishedAt?: Date | null;
  body?: string;
  standfirst?: string;
  authors?: string[];
};

let counter = 0;
/** A unique headline per call, so tests never collide with each other or with earlier runs. */
export function uniqueHeadline(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${(counter++).toString(36)}`;
}

export async function createArticle(input: ArticleInput) {
  const db = database();
  const slug = slugify(input.headline);
  const authors = await Promise.all(
    (input.authors ?? []).map((name) =>
      db.author.upsert({ where: { slug: slugify(name) }, create: { slug: slugify(name), name }, update: {} }),
    ),
  );
  return db.article.create({
    data: {
      slug,
      headline: input.headline,
      headlineKey: headlineKey(input.headline),
      standfirst: input.standfirst ?? "",
      body: input.body ?? "Body text.",
      status: input.status ?? "PUBLISHED",
      publishedAt: input.publishedAt === undefined ? new Date(Date.now() - 60_000) : input.publishedAt,
      bylines: { create: authors.map((a, position) => ({ authorId: a.id, position })) },
    },
  });
}

export type Role = "ADMIN" | "EDITOR";
export type TestUser = { id: string; email: string; password: string; name: string; role: Role };

/**
 * Loads `path` until `check` passes: a reader page changed behind the app's back (straight in the
 * database, as these fixtures do) is re-rendered within a second, and served stale meanwhile.
 */
export async function eventually(page: Page, path: string, check: () => Promise<void>) {
  await expect(async () => {
    await page.goto(path);
    await check();
  }).toPass({ timeout: 15_000 });
}

/**
 * Readers asking for `urls` over and over, as during breaking news, until `stop()`: what each
 * instance's response cache keeps is never more than a moment old when an editor saves.
 */
export function keepReading(request: APIRequestContext, urls: string[]): { stop(): Promise<void> } {
  let reading = true;
  const readers = (async () => {
    while (reading) for (const url of urls) await request.get(url);
  })();
  return {
    stop: async () => {
      reading = false;
      await readers;
    },
  };
}

/** A fresh user with a role; the password is known to the test. */
export async function createUser(
  role: Role,
  name = `${role === "ADMIN" ? "Admin" : "Editor"} ${uniqueHeadline("")}`.trim(),
): Promise<TestUser> {
  const email = `${slugify(name)}@example.test`;
  const password = "correct horse battery staple";
  const user = await database().user.create({ data: { email, name, role, passwordHash: await hashPassword(password) } });
  return { id: user.id, email, password, name, role };
}

/** Signs the page's browser context in through next-auth's own endpoints (the sign-in form has its own test). */
export async function signIn(page: Page, user: TestUser) {
  const csrf = await (await page.request.get("/api/auth/csrf")).json();
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email: user.email, password: user.password, json: "true" },
  });
  expect(response.ok()).toBeTruthy();
}

/**
 * Captures the Server Action request that `trigger` makes the page send, without letting it reach
 * the server, and returns a function that sends that exact request from another signed-in page.
 */
export async function captureAction(page: Page, urlGlob: string, trigger: () => Promise<void>) {
  let captured: Request | undefined;
  await page.route(urlGlob, (route) => {
    if (route.request().method() === "POST" && route.request().headers()["next-action"]) {
      captured = route.request();
      return route.abort();
    }
    return route.continue();
  });
  await trigger();
  await expect.poll(() => captured).toBeTruthy();
  const request = captured!;
  return (as: Page, { headers = {}, ...options }: { maxRedirects?: number; headers?: Record<string, string> } = {}) =>
    as.request.post(request.url(), {
      headers: {
        "next-action": request.headers()["next-action"],
        "content-type": request.headers()["content-type"],
        accept: "text/x-component",
        ...headers,
      },
      data: request.postDataBuffer()!,
      ...options,
    });
}

type Fixtures = {
  db: Db;
  /** Signs the page in as a new user of the role and returns the user. */
  loginAs: (role: Role) => Promise<TestUser>;
};

export const test = base.extend<Fixtures>({
  db: async ({}, use) => use(database()),
  loginAs: async ({ page }, use) => {
    await use(async (role) => {
      const user = await createUser(role);
      await signIn(page, user);
      return user;
    });
  },
});
export { expect };

/** Follows a workspace link with unsaved text in the form; returns what the page asked first. */
export async function askedOnLeaving(page: Page, linkName: string): Promise<string> {
  let asked = "";
  page.once("dialog", (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: linkName }).click();
  return asked;
}
