import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import sharp from "sharp";
import { useTestDbForApp, type ScratchDb } from "@/test/support/scratch-db";
import { staffActor, type TestActor } from "./support/actor";
import { hasGpsTag, phonePhoto } from "./support/images";
import { startS3Server } from "./support/s3-server";

// Several instances share pictures through an S3-protocol bucket (S3_BUCKET): the same library,
// with originals and renditions as objects.

const BUCKET = "byline-media";
let t: ScratchDb;
let s3: Awaited<ReturnType<typeof startS3Server>>;
let client: S3Client;
let media: typeof import("@/lib/media/mutations");
let serve: typeof import("@/lib/media/serve");
let editor: TestActor["actor"];

before(async () => {
  s3 = await startS3Server(BUCKET);
  Object.assign(process.env, {
    S3_BUCKET: BUCKET,
    S3_ENDPOINT: s3.endpoint,
    S3_PREFIX: "test/",
    AWS_ACCESS_KEY_ID: "S3RVER",
    AWS_SECRET_ACCESS_KEY: "S3RVER",
  });
  client = new S3Client({
    region: "us-east-1",
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
  t = await useTestDbForApp();
  [media, serve] = await Promise.all([import("@/lib/media/mutations"), import("@/lib/media/serve")]);
  ({ actor: editor } = await staffActor(t.db, "EDITOR", "Sam"));
});
after(async () => {
  client.destroy();
  await t.drop();
  await s3.stop();
});

const keysIn = async (prefix: string) =>
  ((await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }))).Contents ?? []).map((o) => o.Key).sort();

test("with S3_BUCKET, originals and renditions are objects in the bucket, served from there, and deleted with the picture", async () => {
  const upload = await media.uploadImage(editor, { name: "quay.jpg", bytes: await phonePhoto({ seed: Date.now() }) });
  assert.ok(upload.ok);
  const image = await t.db.image.findUniqueOrThrow({ where: { id: upload.id } });
  assert.deepEqual(await keysIn("test/originals/"), [`test/originals/${image.contentHash}`]);

  const file = "full-320.jpg";
  const response = await serve.serveRendition(new Request("http://x"), image.contentHash, file);
  assert.equal(response.status, 200);
  const served = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
  assert.equal(served.width, 320);
  assert.ok(!hasGpsTag(served.exif));
  assert.deepEqual(await keysIn(`test/renditions/${image.contentHash}/`), [`test/renditions/${image.contentHash}/${file}`]);

  const deleted = await media.deleteImage(editor, image.id);
  assert.ok(deleted.ok);
  assert.deepEqual(await keysIn(`test/originals/${image.contentHash}`), []);
  assert.deepEqual(await keysIn(`test/renditions/${image.contentHash}`), []);
});
