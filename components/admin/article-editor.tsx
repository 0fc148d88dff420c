"use client";

import { useEffect, useState } from "react";
import { secondaryButtonClass } from "@/components/ui/field";
import type { FormState } from "@/lib/actions/form-state";
import type { ArticleFormDefaults } from "@/lib/articles/form";
import type { AutosaveState, DraftFields } from "@/lib/drafts/schema";
import type { Draft } from "@/lib/drafts/queries";
import { ArticleForm } from "./article-form";
import { SideBySide, TEXT_FIELDS } from "./conflict-panel";
import { forgetKept, localKeyOf, readKept, type KeptDraft } from "./draft-keeper";
import { useArticleSave } from "./article-save";
import { Notice, SaveNotice } from "./save-notice";

type Offer = { draft: KeptDraft; source: "device" | "server" };

/** The saved article's fields as the form would send them, to compare a kept draft with. */
function savedFieldsOf(defaults: ArticleFormDefaults): DraftFields {
  return {
    headline: defaults.headline,
    slug: defaults.slug,
    standfirst: defaults.standfirst,
    body: defaults.body,
    caption: defaults.caption,
    dateline: defaults.dateline,
    source: defaults.source,
    status: defaults.status,
    publishedAt: defaults.publishedAt,
    authors: defaults.authors.map((a) => a.id).join("\n"),
    leadImageId: defaults.leadImage?.id ?? "",
  };
}

const normal = (text: string) => text.replace(/\r\n?/g, "\n").trim();
const sameFields = (a: DraftFields, b: DraftFields) =>
  (Object.keys(b) as (keyof DraftFields)[]).every((k) => normal(a[k] ?? "") === normal(b[k] ?? ""));

/**
 * The article form, and before it what the last save did and — when this browser or the server
 * kept text the editor typed and never saved (a crash, a closed tab, a session that ran out) — the
 * offer to compare it with the saved version and restore it in one click.
 */
export function ArticleEditor({
  notice,
  defaults,
  userId,
  serverDraft,
  autosave,
  discard,
}: {
  /** What the step that led here did (a new article's first save, a restore), until the next save. */
  notice?: React.ReactNode;
  defaults: ArticleFormDefaults;
  userId: string;
  serverDraft: Draft | null;
  autosave: (previous: AutosaveState, formData: FormData) => Promise<AutosaveState>;
  discard: (previous: FormState, formData: FormData) => Promise<FormState>;
}) {
  const { state, unsaved } = useArticleSave();
  const [current, setCurrent] = useState(defaults);
  const [generation, setGeneration] = useState(0);
  const [offer, setOffer] = useState<Offer | null>(null);
  const [comparing, setComparing] = useState(false);

  // Once, in the browser: what is kept for this article, and whether it differs from the saved text.
  useEffect(() => {
    const saved = savedFieldsOf(defaults);
    const key = localKeyOf(userId, defaults.id);
    const local = readKept(key);
    if (local && sameFields(local.fields, saved)) forgetKept(key);
    // A new article's text, kept under "new" until its first save, is this article now.
    if (defaults.id) {
      const fresh = readKept(localKeyOf(userId, undefined));
      if (fresh && sameFields(fresh.fields, saved)) forgetKept(localKeyOf(userId, undefined));
    }
    const fromServer: KeptDraft | null = serverDraft && { ...serverDraft, authors: serverDraft.authors, leadImage: serverDraft.leadImage };
    const offers = [
      local && { draft: local, source: "device" as const },
      fromServer && { draft: fromServer, source: "server" as const },
    ].filter((o): o is Offer => Boolean(o) && !sameFields(o!.draft.fields, saved));
    offers.sort((a, b) => b.draft.savedAt.localeCompare(a.draft.savedAt));
    // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage exists only after hydration
    setOffer(offers[0] ?? null);
    // Decided once, against the version the page opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function restore(draft: KeptDraft) {
    const { fields } = draft;
    setCurrent({
      ...defaults,
      headline: fields.headline,
      slug: fields.slug,
      standfirst: fields.standfirst,
      body: fields.body,
      caption: fields.caption,
      dateline: fields.dateline,
      source: fields.source,
      status: (fields.status || defaults.status) as ArticleFormDefaults["status"],
      publishedAt: fields.publishedAt,
      authors: draft.authors,
      leadImage: draft.leadImage,
      // Saved over the version it was typed on: if someone saved since, the save shows both.
      version: draft.baseVersion,
    });
    setGeneration((g) => g + 1);
    setOffer(null);
  }

  async function throwAway() {
    forgetKept(localKeyOf(userId, defaults.id));
    const data = new FormData();
    data.set("draftKey", defaults.id ?? "new");
    await discard({}, data);
    setOffer(null);
  }

  return (
    <>
      {state.saved ? (
        <Notice>
          <SaveNotice {...state.saved} />
        </Notice>
      ) : (
        state === unsaved && notice && <Notice>{notice}</Notice>
      )}
      {offer && (
        <section
          aria-labelledby="recovery-heading"
          className="mb-6 rounded border-2 border-amber-500 bg-amber-50 p-4"
          data-testid="recovery"
        >
          <h2 id="recovery-heading" className="mb-1 text-lg font-bold">
            Unsaved text from {new Date(offer.draft.savedAt).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}
          </h2>
          <p className="mb-3 text-sm">
            {offer.source === "device" ? "This browser kept" : "Byline autosaved"} text you typed that is not in the saved version
            {defaults.id ? ` (version ${defaults.version})` : ""}.
            {defaults.id &&
              offer.draft.baseVersion < defaults.version &&
              ` It was written over version ${offer.draft.baseVersion}; saving it will show both.`}
          </p>
          <div className="flex flex-wrap gap-2">
            <button type="button" className={secondaryButtonClass} onClick={() => restore(offer.draft)}>
              Restore my unsaved text
            </button>
            <button type="button" className={secondaryButtonClass} aria-expanded={comparing} onClick={() => setComparing(!comparing)}>
              {comparing ? "Hide comparison" : "Compare with the saved version"}
            </button>
            <button type="button" className={secondaryButtonClass} onClick={() => void throwAway()}>
              Discard it
            </button>
          </div>
          {comparing && (
            <div className="mt-3">
              <SideBySide
                fields={TEXT_FIELDS.filter(([key]) => normal(offer.draft.fields[key]) !== normal(savedFieldsOf(defaults)[key]))}
                left={{ name: "saved version", values: savedFieldsOf(defaults) }}
                right={{ name: "your unsaved text", values: offer.draft.fields }}
              />
            </div>
          )}
        </section>
      )}
      <ArticleForm key={generation} defaults={current} restored={generation > 0} userId={userId} autosave={autosave} />
    </>
  );
}
