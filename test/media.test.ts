import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { useTestDbForApp, type ScratchDb } from "@/test/support/scratch-db";
import { staffActor, type TestActor } from "./support/actor";
import { blankArticleForm } from "./support/article-form";
import { averageColour, hasGpsTag, phonePhoto, pngBomb } from "./support/images";
import { originalOf } from "./support/mediastore";

let t: ScratchDb;
let mediaDir: string;
let media: typeof import("@/lib/media/mutations");
let serve: typeof import("@/lib/media/serve");
let urls: typeof import("@/lib/media/urls");
let articles: typeof import("@/lib/articles/mutations");
let schema: typeof import("@/lib/articles/schema");
let editor: TestActor["actor"];

before(async () => {
  t = await useTestDbForApp();
  mediaDir = await mkdtemp(path.join(tmpdir(), "byline-media-"));
  process.env.MEDIA_DIR = mediaDir;
  [media, serve, urls, articles, schema] = await Promise.all([
    import("@/lib/media/mutations"),
    import("@/lib/media/serve"),
    import("@/lib/media/urls"),
    import("@/lib/articles/mutations"),
    import("@/lib/articles/schema"),
  ]);
  ({ actor: editor } = await staffActor(t.db, "EDITOR", "Eve"));
});
after(async () => {
  await t.drop();
  await rm(mediaDir, { recursive: true, force: true });
});

let seed = 1;
async function uploaded(photo?: Buffer) {
  const result = await media.uploadImage(editor, { name: "harbour.jpg", bytes: photo ?? (await phonePhoto({ seed: seed++ })) });
  assert.ok(result.ok, !result.ok ? result.message : "");
  return t.db.image.findUniqueOrThrow({ where: { id: result.id } });
}

async function fetchRendition(image: { contentHash: string }, file: string, headers: Record<string, string> = {}) {
  return serve.serveRendition(new Request(`http://x/media/${image.contentHash}/${file}`, { headers }), image.contentHash, file);
}

test("every served rendition drops the camera and GPS position, applies the rotation, and carries the newsroom's credit", async () => {
  const rotated = await sharp(await phonePhoto({ seed: 500 }))
    .withExif({ IFD0: { Make: "TestCam" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1" } })
    .withMetadata({ orientation: 6 })
    .toBuffer();
  const original = await sharp(rotated).metadata();
  assert.ok(hasGpsTag(original.exif) && original.exif!.includes("TestCam"), "the test photo carries a position and a camera");

  const image = await uploaded(rotated);
  assert.deepEqual([image.width, image.height], [200, 400], "stored as displayed: turned upright");
  const saved = await media.updateImage(editor, {
    id: image.id,
    alt: "A harbour",
    decorative: false,
    caption: "",
    credit: "Jane Roe / Agency",
    licence: "",
    focalX: 50,
    focalY: 50,
  });
  assert.ok(saved.ok);

  for (const file of ["full-320.jpg", "full-320.webp", "full-320.avif", "16x9-320-f50-50.jpg"]) {
    const response = await fetchRendition(image, file);
    assert.equal(response.status, 200, file);
    const bytes = Buffer.from(await response.arrayBuffer());
    const served = await sharp(bytes).metadata();
    assert.ok(!hasGpsTag(served.exif), `${file}: no GPS position`);
    assert.ok(!served.exif?.includes("TestCam"), `${file}: no camera`);
    assert.equal(served.xmp, undefined, `${file}: no XMP`);
    assert.equal(served.iptc, undefined, `${file}: no IPTC`);
    assert.ok([undefined, 1].includes(served.orientation), `${file}: upright pixels, no rotation left to apply`);
    if (file.startsWith("full")) assert.ok(served.height! > served.width!, `${file}: portrait, as the camera meant`);
    assert.ok(served.exif?.includes("Jane Roe / Agency"), `${file}: the credit travels with the file`);
  }
});

test("renditions are immutable: a year's cache, an ETag answered with 304, the same bytes from the store next time", async () => {
  const image = await uploaded();
  const first = await fetchRendition(image, "full-640.webp");
  assert.equal(first.status, 200);
  assert.equal(first.headers.get("cache-control"), "public, max-age=31536000, immutable");
  assert.equal(first.headers.get("content-type"), "image/webp");
  const body = Buffer.from(await first.arrayBuffer());
  const stored = await readdir(path.join(mediaDir, "renditions", image.contentHash));
  assert.deepEqual(stored, ["full-640.webp"]);
  const again = await fetchRendition(image, "full-640.webp");
  assert.deepEqual(Buffer.from(await again.arrayBuffer()), body);
  const notModified = await fetchRendition(image, "full-640.webp", { "if-none-match": first.headers.get("etag")! });
  assert.equal(notModified.status, 304);
});

test("only the renditions Byline makes are made: other widths, formats and hashes are 404, an old focal point redirects", async () => {
  const image = await uploaded();
  for (const file of [
    "full-333.jpg",
    "full-320.png",
    "full-320.jpg.exe",
    "16x9-320.jpg",
    "full-320-f50-50.jpg",
    "../x",
    "og-700-f50-50.jpg",
  ]) {
    assert.equal((await fetchRendition(image, file)).status, 404, file);
  }
  const missing = "0".repeat(64);
  assert.equal((await serve.serveRendition(new Request("http://x"), missing, "full-320.jpg")).status, 404);
  assert.equal((await serve.serveRendition(new Request("http://x"), "ABC", "full-320.jpg")).status, 404);
  const moved = await fetchRendition(image, "1x1-320-f10-10.jpg");
  assert.equal(moved.status, 308);
  assert.equal(moved.headers.get("location"), `/media/${image.contentHash}/1x1-320-f50-50.jpg`);
});

test("every crop is centred on the focal point as far as the picture's edges allow", async () => {
  const image = await uploaded(await phonePhoto({ width: 400, height: 200, seed: 900 }));
  for (const [focalX, side] of [
    [10, "red"],
    [90, "blue"],
  ] as const) {
    await media.updateImage(editor, {
      id: image.id,
      alt: "Halves",
      decorative: false,
      caption: "",
      credit: "",
      licence: "",
      focalX,
      focalY: 50,
    });
    const current = await t.db.image.findUniqueOrThrow({ where: { id: image.id } });
    const response = await fetchRendition(
      current,
      urls.renditionPath(current, { crop: "1x1", width: 320, format: "jpg", focalX, focalY: 50 }).split("/").pop()!,
    );
    assert.equal(response.status, 200);
    const { r, b } = await averageColour(Buffer.from(await response.arrayBuffer()));
    assert.ok(side === "red" ? r > 200 && b < 50 : b > 200 && r < 50, `focal point at ${focalX}% keeps the ${side} half (r=${r}, b=${b})`);
  }
});

test("the same file uploaded twice, even at once, is one image", async () => {
  const photo = await phonePhoto({ seed: 4242 });
  const results = await Promise.all([1, 2, 3].map(() => media.uploadImage(editor, { name: "same.jpg", bytes: photo })));
  const ids = new Set(results.map((r) => (r.ok ? r.id : r.message)));
  assert.equal(ids.size, 1);
  assert.equal(results.filter((r) => r.ok && !r.duplicate).length, 1);
});

test("hostile and broken files are refused with the reason, judged by their bytes and not their name", async () => {
  const jpeg = await phonePhoto({ seed: 77 });
  const refusals: [string, Buffer, RegExp][] = [
    ["bomb.png", await pngBomb(), /30,000 × 30,000 pixels, more than the 60-megapixel limit/],
    ["cut.jpg", jpeg.subarray(0, Math.floor(jpeg.length / 2)), /damaged or incomplete/],
    [
      "logo.png",
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'),
      /SVG files are not accepted/,
    ],
    ["photo.jpg", Buffer.from("#!/bin/sh\nrm -rf /\n"), /not an image Byline can read/],
    ["empty.jpg", Buffer.alloc(0), /empty/],
    ["huge.jpg", Buffer.alloc(25 * 1024 * 1024 + 1), /larger than 25 MB/],
    [
      "scan.tif",
      await sharp({ create: { width: 8, height: 8, channels: 3, background: "red" } })
        .tiff()
        .toBuffer(),
      /TIFF images are not accepted/,
    ],
  ];
  const before = await t.db.image.count();
  for (const [name, bytes, message] of refusals) {
    const result = await media.uploadImage(editor, { name, bytes });
    assert.ok(!result.ok, `${name} is refused`);
    assert.match(result.message, message, name);
  }
  assert.equal(await t.db.image.count(), before, "nothing refused reaches the library");
  // A PNG named .jpg is accepted as the PNG it is.
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: "green" } })
    .png()
    .toBuffer();
  const named = await media.uploadImage(editor, { name: "really-a-png.jpg", bytes: png });
  assert.ok(named.ok);
  assert.equal((await t.db.image.findUniqueOrThrow({ where: { id: named.id } })).format, "png");
});

test("a story cannot be published with a lead picture nobody described; decorative or described, it can", async () => {
  const image = await uploaded();
  const form = (intent: string) =>
    schema.articleFormSchema.parse({ ...blankArticleForm, headline: `Harbour ${image.id}`, body: "Text.", leadImageId: image.id, intent });
  const refused = await articles.saveArticle(editor, form("publish"));
  assert.ok(!refused.ok && "fieldErrors" in refused);
  assert.match(refused.fieldErrors.leadImageId![0], /alt text/);
  const draft = await articles.saveArticle(editor, form("save"));
  assert.ok(draft.ok, "a draft may wait for its alt text");
  await media.updateImage(editor, {
    id: image.id,
    alt: "",
    decorative: true,
    caption: "",
    credit: "",
    licence: "",
    focalX: 50,
    focalY: 50,
  });
  const published = await articles.saveArticle(editor, { ...form("publish"), version: draft.version }, draft.id);
  assert.ok(published.ok, JSON.stringify(published));
  assert.equal((await t.db.article.findUniqueOrThrow({ where: { id: draft.id } })).leadImageId, image.id);
});

test("a picture in use cannot be deleted; unused, it goes with its original and renditions", async () => {
  const image = await uploaded();
  const story = await articles.saveArticle(
    editor,
    schema.articleFormSchema.parse({ ...blankArticleForm, headline: `Using ${image.id}`, body: "Text.", leadImageId: image.id }),
  );
  assert.ok(story.ok);
  await fetchRendition(image, "full-320.jpg");
  const refused = await media.deleteImage(editor, image.id);
  assert.ok(!refused.ok);
  assert.match(refused.message, /used in 1 article/);

  const withoutPicture = await articles.saveArticle(
    editor,
    schema.articleFormSchema.parse({
      ...blankArticleForm,
      headline: `Using ${image.id}`,
      body: "Text.",
      version: String(story.version),
    }),
    story.id,
  );
  assert.ok(withoutPicture.ok, JSON.stringify(withoutPicture));
  const deleted = await media.deleteImage(editor, image.id);
  assert.ok(deleted.ok);
  assert.equal(await t.db.image.count({ where: { id: image.id } }), 0);
  const left = await readdir(mediaDir, { recursive: true });
  assert.ok(!left.some((f) => f.includes(image.contentHash)), "no file of it is left");
});

test("a library picture in the body becomes a described, sized, lazy figure; one the library lacks stops publishing", async () => {
  const image = await uploaded();
  await media.updateImage(editor, {
    id: image.id,
    alt: "Boats at anchor",
    decorative: false,
    caption: "The fleet waits.",
    credit: "Ann Lee",
    licence: "",
    focalX: 50,
    focalY: 50,
  });
  const { libraryImagesIn } = await import("@/lib/articles/reader");
  const { renderMarkdown } = await import("@/lib/articles/markdown");
  const body = `First paragraph.\n\n![](/media/${image.contentHash})\n\nText with ![a small one](/media/${image.contentHash}) inside.`;
  const html = renderMarkdown(body, await libraryImagesIn(body));
  assert.match(
    html,
    /<figure class="body-image"><picture><source type="image\/avif" srcset="[^"]+320w[^"]*" sizes="\(min-width: 48rem\) 46rem, 100vw">/,
  );
  assert.match(html, /<img [^>]*width="400" height="200" alt="Boats at anchor" loading="lazy"/);
  assert.match(html, /<figcaption>The fleet waits\. <span class="credit">Photo: Ann Lee<\/span><\/figcaption><\/figure>/);
  assert.match(html, /<p>Text with <picture>.*alt="a small one".*<\/picture> inside\.<\/p>/);
  assert.ok(!html.includes("<p><figure"), "a figure is never inside a paragraph");

  const missing = "f".repeat(64);
  const refused = await articles.saveArticle(
    editor,
    schema.articleFormSchema.parse({
      ...blankArticleForm,
      headline: `Body ${image.id}`,
      body: `![](/media/${missing})`,
      intent: "publish",
    }),
  );
  assert.ok(!refused.ok && "fieldErrors" in refused);
  assert.match(refused.fieldErrors.body![0], /no longer in the library/);
});

test("replacing a picture's file changes it everywhere it is used, keeping its description; another picture's file is refused", async () => {
  const image = await uploaded();
  await media.updateImage(editor, {
    id: image.id,
    alt: "Old quay",
    decorative: false,
    caption: "",
    credit: "Ann Lee",
    licence: "",
    focalX: 30,
    focalY: 40,
  });
  const story = await articles.saveArticle(
    editor,
    schema.articleFormSchema.parse({
      ...blankArticleForm,
      headline: `Replace ${image.id}`,
      body: `![](/media/${image.contentHash})`,
      leadImageId: image.id,
    }),
  );
  assert.ok(story.ok);
  const replacement = await phonePhoto({ width: 600, height: 400, seed: seed++ });
  const replaced = await media.replaceImage(editor, image.id, { name: "new-quay.jpg", bytes: replacement });
  assert.ok(replaced.ok && !replaced.duplicate);
  const now = await t.db.image.findUniqueOrThrow({ where: { id: image.id } });
  assert.notEqual(now.contentHash, image.contentHash);
  assert.deepEqual(
    [now.width, now.height, now.alt, now.credit, now.focalX, now.originalName],
    [600, 400, "Old quay", "Ann Lee", 30, "new-quay.jpg"],
  );

  // The body still names the old hash: it shows the new file.
  const { libraryImagesIn } = await import("@/lib/articles/reader");
  const found = await libraryImagesIn(`![](/media/${image.contentHash})`);
  assert.equal(found.get(image.contentHash)?.contentHash, now.contentHash);
  // And the picture still counts as used there, so it cannot be deleted.
  assert.ok(!(await media.deleteImage(editor, image.id)).ok);

  const other = await uploaded();
  const refused = await media.replaceImage(editor, image.id, {
    name: "x.jpg",
    bytes: await originalOf(other.contentHash),
  });
  assert.ok(!refused.ok);
  assert.match(refused.message, /already in the library as another picture/);
});
