// The readers' data cache (lib/cache.ts has the rest of the story and the invalidation). Its own
// module because the reader pages (pages/, Pages Router) load it, where Next refuses
// `server-only`, revalidateTag and revalidatePath.
import { unstable_cache } from "next/cache";
import { READER_TAG } from "@/lib/reader-tags";
import { singleFlight } from "@/lib/single-flight";

export { READER_TAG };

/**
 * Longest reader data may lag a change no mutation announces: a document imported from the
 * command line into a database a running server uses.
 */
export const READER_DATA_REVALIDATE_SECONDS = 60;

// One for the whole process, on globalThis: the App Router, where changes forget reads, and the
// Pages Router, where readers read, load this module separately.
const readsInFlight = ((globalThis as { bylineReaderReadsInFlight?: ReturnType<typeof singleFlight> }).bylineReaderReadsInFlight ??=
  singleFlight());

/**
 * After a change to what the data `tags` cover (all reader data when omitted): reads of it already
 * under way may return what was there before, so none is joined. Reads of anything else still are.
 */
export function forgetReaderReadsInFlight(tags?: readonly string[]): void {
  readsInFlight.forget(tags);
}

/**
 * `fn` cached under READER_TAG (and the tags `tagsOf` gives for its arguments), keyed by `name`,
 * its arguments and the current `generation` (for reader data, the newest go-live time): when the
 * generation changes, the cache misses. Readers missing the same entry at once share one read.
 */
export function cachedForReaders<Args extends unknown[], Result>(
  name: string,
  fn: (...args: Args) => Promise<Result>,
  generation: () => Promise<string>,
  tagsOf: (...args: Args) => string[] = () => [],
): (...args: Args) => Promise<Result> {
  return async (...args) => {
    const keyParts = [name, await generation()];
    const tags = [READER_TAG, ...tagsOf(...args)];
    // Called on a miss only (a hit costs no key): readers missing the same entry share its read.
    const read = (...readArgs: Args) => readsInFlight.run(JSON.stringify([...keyParts, readArgs]), () => fn(...readArgs), tags);
    return unstable_cache(read, keyParts, { tags, revalidate: READER_DATA_REVALIDATE_SECONDS })(...args);
  };
}
