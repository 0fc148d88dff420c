import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";

/**
 * Where originals and renditions live. On disk under MEDIA_DIR (default ./data/media) for a single
 * instance; several instances share one S3-protocol bucket (lib/media/s3-storage.ts).
 */
export interface MediaStore {
  get(key: string): Promise<Buffer | null>;
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** Removes every object whose key starts with the prefix. */
  removePrefix(prefix: string): Promise<void>;
}

export const originalKey = (hash: string) => `originals/${hash}`;
export const renditionsPrefix = (hash: string) => `renditions/${hash}`;
export const renditionKey = (hash: string, file: string) => `${renditionsPrefix(hash)}/${file}`;

export class DiskStore implements MediaStore {
  constructor(private readonly root: string) {}

  private file(key: string) {
    // Keys are built from a validated hash and file name; this guards the invariant anyway.
    if (!/^[a-z]+\/[0-9a-f]{64}(\/[a-z0-9.-]+)?$/.test(key)) throw new Error(`Not a media key: ${key}`);
    return path.join(this.root, key);
  }

  async get(key: string) {
    try {
      return await readFile(this.file(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async put(key: string, body: Buffer) {
    const target = this.file(key);
    await mkdir(path.dirname(target), { recursive: true });
    // Written aside and renamed, so a reader never sees half a file.
    const temporary = `${target}.${randomBytes(6).toString("hex")}.tmp`;
    await writeFile(temporary, body);
    await rename(temporary, target);
  }

  async removePrefix(prefix: string) {
    await rm(this.file(prefix), { recursive: true, force: true });
  }
}

let store: MediaStore | undefined;

/** The process's store, chosen by the environment once. */
export async function mediaStore(): Promise<MediaStore> {
  if (!store) {
    if (process.env.S3_BUCKET) {
      const { S3Store } = await import("./s3-storage");
      store = S3Store.fromEnvironment();
    } else {
      store = new DiskStore(path.resolve(/*turbopackIgnore: true*/ process.env.MEDIA_DIR || "data/media"));
    }
  }
  return store;
}
