import "server-only";
import { revalidateTag } from "next/cache";
import { waitForReplicas } from "@/lib/db";

/**
 * Every cache tag and revalidation in one place.
 *
 * Everything readers see carries READER_TAG: an article's headline shows on the front page,
 * in feeds, on author pages and in other articles' related stories, so any published change
 * expires them all. Pages regenerate lazily, on their next visit.
 */
export const READER_TAG = "reader";

/**
 * Longest reader data may lag a change no mutation announces: a document imported from the
 * command line into a database a running server uses. (A scheduled time passing needs no
 * announcement: reader data is cached under the newest go-live time, see lib/articles/reader.ts.)
 */
export const READER_REVALIDATE_SECONDS = 60;

/** Expires every reader page now: the next reader request renders fresh content. */
export async function invalidateReaderPages(): Promise<void> {
  // Scripts and tests run outside a Next server, where there is no cache to expire.
  if (!process.env.NEXT_RUNTIME) return;
  // Reader pages read from replicas: expiring them before a replica has the change would
  // re-render (and cache) the old content.
  await waitForReplicas();
  revalidateTag(READER_TAG, { expire: 0 });
}
