import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { useTestDbForApp, type ScratchDb } from "@/test/support/scratch-db";
import { staffActor, type TestActor } from "./support/actor";
import { phonePhoto } from "./support/images";

let t: ScratchDb;
let mediaDir: string;
let settings: typeof import("@/lib/site-settings/mutations");
let reader: typeof import("@/lib/site-settings/reader");
let media: typeof import("@/lib/media/mutations");
let jsonLd: typeof import("@/lib/articles/json-ld");
let admin: TestActor["actor"];

before(async () => {
  t = await useTestDbForApp();
  mediaDir = await mkdtemp(path.join(tmpdir(), "byline-media-"));
  process.env.MEDIA_DIR = mediaDir;
  [settings, reader, media, jsonLd] = await Promise.all([
    import("@/lib/site-settings/mutations"),
    import("@/lib/site-settings/reader"),
    import("@/lib/media/mutations"),
    import("@/lib/articles/json-ld"),
  ]);
  ({ actor: admin } = await staffActor(t.db, "ADMIN", "Ada"));
});
after(async () => {
  await t.drop();
  await rm(mediaDir, { recursive: true, force: true });
});

async function picture(seed: number) {
  const result = await media.uploadImage(admin, { name: "logo.png", bytes: await phonePhoto({ seed }) });
  assert.ok(result.ok);
  return result.id;
}

const article = {
  id: "a1",
  slug: "harbour",
  headline: "Harbour",
  standfirst: "",
  publishedAt: "2026-12-01T00:00:00.000Z",
  modifiedAt: null,
  authors: [],
  image: null,
  bodyHtml: "",
  caption: "",
  dateline: "",
  source: "",
  summary: "",
  related: [],
  suggestions: [],
  tags: [],
};

test("the admins' name and logo reach readers: the publisher in structured data carries the logo; unset, the environment's name", async () => {
  const before = await reader.siteForReaders.uncached();
  assert.equal(before.name, process.env.SITE_NAME || "Byline");
  assert.equal(
    jsonLd.newsArticleJsonLd(article, before).publisher.logo.url,
    `${before.url}/logo.png`,
    "until one is chosen, the name drawn as a logo",
  );

  const logo = await picture(Date.now());
  const saved = await settings.saveSiteSettings(admin, {
    publicationName: "The Harbour Gazette",
    logoImageId: logo,
    socialImageId: logo,
    iconImageId: null,
  });
  assert.ok(saved.ok);
  const site = await reader.siteForReaders.uncached();
  assert.equal(site.name, "The Harbour Gazette");
  const publisher = jsonLd.newsArticleJsonLd(article, site).publisher;
  assert.equal(publisher.name, "The Harbour Gazette");
  assert.match(publisher.logo!.url, /^http.*\/media\/[0-9a-f]{64}\/full-640\.jpg$/);

  // The logo cannot be deleted from under the site.
  const refused = await media.deleteImage(admin, logo);
  assert.ok(!refused.ok);
  assert.match(refused.message, /site's settings/);

  // Cleared, the environment's name is back.
  assert.ok(
    (await settings.saveSiteSettings(admin, { publicationName: "", logoImageId: null, socialImageId: null, iconImageId: null })).ok,
  );
  assert.equal((await reader.siteForReaders.uncached()).name, before.name);
});

test("a picture that is not in the library is refused with a message, and nothing changes", async () => {
  const result = await settings.saveSiteSettings(admin, {
    publicationName: "Gone",
    logoImageId: "no-such-picture",
    socialImageId: null,
    iconImageId: null,
  });
  assert.ok(!result.ok);
  assert.match(result.message, /no longer in the library/);
  assert.notEqual((await reader.siteForReaders.uncached()).name, "Gone");
});
