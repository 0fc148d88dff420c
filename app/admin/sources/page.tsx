import type { Metadata } from "next";
import { ActionButton } from "@/components/admin/action-button";
import { PollNowButton, SourceForm } from "@/components/admin/source-forms";
import { requireStaffPage } from "@/lib/auth/session";
import { utc } from "@/lib/dates";
import { listSources } from "@/lib/ingest/queries";
import { deleteSourceAction, pollSourceAction, saveSourceAction } from "./actions";

export const metadata: Metadata = { title: "Wires and feeds" };

export default async function SourcesPage() {
  const { actor } = await requireStaffPage("/admin/sources", "ingest:manage");
  const sources = await listSources(actor);
  return (
    <>
      <h1 className="mb-2 font-serif text-3xl font-bold">Wires and feeds</h1>
      <p className="mb-6 max-w-2xl text-sm text-muted">
        Byline polls each source on its interval and takes in new items as drafts (or publishes them, if the source says so). An item that
        arrives again is recognised by its id; a newer version updates its draft.
      </p>
      {sources.length === 0 ? (
        <p className="mb-6">No sources yet: add the first below.</p>
      ) : (
        <ul className="mb-8 space-y-4">
          {sources.map((source) => (
            <li key={source.id} className="rounded border border-rule p-4">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-lg font-semibold">{source.name}</h2>
                <span className="text-sm text-muted">
                  {source.enabled ? `every ${source.intervalMinutes} min` : "paused"} · {source.publish ? "publishes" : "drafts"}
                </span>
              </div>
              <p className="text-sm break-all text-muted">{source.url}</p>
              <p className="mt-2 text-sm" data-testid="last-poll">
                {source.lastPolledAt ? (
                  <>
                    Last poll {utc(source.lastPolledAt)}:{" "}
                    {source.lastPollOk ? (
                      <>
                        {source.lastTaken} {source.lastTaken === 1 ? "story" : "stories"} taken in
                      </>
                    ) : (
                      <strong className="text-accent">{source.lastError}</strong>
                    )}
                    . {source.totalTaken} in all.
                  </>
                ) : (
                  "Not polled yet."
                )}
              </p>
              <div className="mt-2 flex flex-wrap items-center gap-4">
                <PollNowButton id={source.id} name={source.name} poll={pollSourceAction} />
                <ActionButton
                  action={deleteSourceAction}
                  fields={{ id: source.id }}
                  label="Remove"
                  className="underline"
                  ariaLabel={`Remove ${source.name}`}
                  confirm={`Remove “${source.name}”? Stories it brought in stay.`}
                />
              </div>
              <details className="mt-3">
                <summary className="cursor-pointer text-sm underline">Change this source</summary>
                <div className="mt-3">
                  <SourceForm source={source} save={saveSourceAction} legend={`Change “${source.name}”`} />
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
      <SourceForm save={saveSourceAction} legend="Add a source" />
    </>
  );
}
