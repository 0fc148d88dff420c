import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, NoSuchKey, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { MediaStore } from "./storage";

/**
 * Media in an S3-protocol bucket (AWS S3, MinIO, Ceph, R2…), shared by every instance. Configured by
 * S3_BUCKET, S3_ENDPOINT (omit for AWS), S3_REGION, and the SDK's usual AWS_ACCESS_KEY_ID and
 * AWS_SECRET_ACCESS_KEY. Keys are prefixed with S3_PREFIX so a bucket can hold other things.
 */
export class S3Store implements MediaStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly prefix = "",
  ) {}

  static fromEnvironment(): S3Store {
    const endpoint = process.env.S3_ENDPOINT || undefined;
    const client = new S3Client({
      region: process.env.S3_REGION || "us-east-1",
      endpoint,
      // MinIO and most self-hosted servers address buckets by path, not by host name.
      forcePathStyle: Boolean(endpoint),
    });
    return new S3Store(client, process.env.S3_BUCKET!, process.env.S3_PREFIX ?? "");
  }

  async get(key: string) {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.prefix + key }));
      return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : null;
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === "NoSuchKey") return null;
      throw error;
    }
  }

  async put(key: string, body: Buffer, contentType: string) {
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: this.prefix + key, Body: body, ContentType: contentType }));
  }

  async removePrefix(prefix: string) {
    for (;;) {
      const listed = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.prefix + prefix }));
      const keys = (listed.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
      if (keys.length === 0) return;
      await this.client.send(new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: keys } }));
      if (!listed.IsTruncated) return;
    }
  }
}
