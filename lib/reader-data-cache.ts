// The readers' data cache (lib/cache.ts has the rest of the story and the invalidation). Its own
// module because the reader pages (pages/, Pages Router) load it, where Next refuses
// `server-only`, revalidateTag and revalidatePath.
import { unstable_cache } from "next/cache";

/** The tag on everything readers see: an article's headline shows on the front page, in feeds, on author pages and in other articles' related stories. */
export const READER_TAG = "reader";

/**
 * Longest reader data may lag a change no mutation announces: a document imported from the
 * command line into a database a running server uses.
 */
export const READER_DATA_REVALIDATE_SECONDS = 60;

/**
 * `fn` cached under READER_TAG, keyed by `name`, its arguments and the current `generation` (for
 * reader data, the newest go-live time): when the generation changes, the cache misses.
 */
export function cachedForReaders<Args extends unknown[], Result>(
  name: string,
  fn: (...args: Args) => Promise<Result>,
  generation: () => Promise<string>,
): (...args: Args) => Promise<Result> {
  return async (...args) =>
    unstable_cache(fn, [name, await generation()], { tags: [READER_TAG], revalidate: READER_DATA_REVALIDATE_SECONDS })(...args);
}
