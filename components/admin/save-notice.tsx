import Link from "@/components/ui/link";
import { utc } from "@/lib/dates";
import type { SaveOutcome } from "@/lib/articles/policy";

/**
 * What a save did, in the editor's words, with the way to the live page when there is one:
 * "Published — view live", "Updated — live now", "Scheduled for 2026-12-01 06:00 UTC".
 */
export function SaveNotice({
  outcome,
  version,
  slug,
  publishedAt,
}: {
  outcome: string | undefined;
  version: number;
  slug: string;
  publishedAt: Date | string | null;
}) {
  const live = (
    <Link href={`/articles/${slug}`} className="font-semibold underline">
      view live
    </Link>
  );
  const done: Record<SaveOutcome, React.ReactNode> = {
    published: <>Published — {live}.</>,
    updated: <>Updated — live now: {live}.</>,
    scheduled: <>Scheduled for {utc(publishedAt)}: readers see it then.</>,
    unpublished: <>Unpublished: readers no longer see it.</>,
    archived: <>Archived: readers no longer see it.</>,
    draft: <>Saved as a draft.</>,
  };
  // The outcome may come from the address, typed by anyone: only a known one is said.
  const said = outcome && Object.hasOwn(done, outcome) ? done[outcome as SaveOutcome] : <>Saved.</>;
  return (
    <>
      {said} Version {version}.
    </>
  );
}

/** The workspace's green line saying what just happened. */
export function Notice({ children }: { children: React.ReactNode }) {
  return (
    <p role="status" className="mb-4 rounded bg-green-100 p-2 text-green-900" data-testid="notice">
      {children}
    </p>
  );
}
