"use client";

import { useActionState, useEffect, useRef, useState, useTransition } from "react";
import { buttonClass, inputClass, secondaryButtonClass } from "@/components/ui/field";
import type { FormState } from "@/lib/actions/form-state";
import type { Candidate, PanelLink } from "@/lib/related-links/queries";
import { ActionButton } from "./action-button";

const STATE_LABELS = {
  published: "Linked to a published article",
  unpublished: "Linked to an unpublished article",
  external: "External URL",
  unresolved: "Unresolved (label only)",
} as const;
const small = "rounded border border-muted px-2 py-0.5 text-sm disabled:opacity-30";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** The panel's Server Actions, handed in by the page. */
export type RelatedLinkActions = {
  add: Action;
  attach: Action;
  remove: Action;
  reorder: Action;
  setEnabled: Action;
  updateLabel: Action;
};

type Props = {
  actions: RelatedLinkActions;
  articleId: string;
  canEdit: boolean;
  relatedEnabled: boolean;
  /** Candidates: null until asked for (a link per unresolved label), then the matches found. */
  links: (PanelLink & { candidates: Candidate[] | null })[];
  suggestions: Candidate[];
  searchResults: { id: string; headline: string }[] | null;
  linkSearch: string;
};

/** The related-stories panel: every link with its state; ADMINs curate, editors read. */
export function RelatedPanel({ actions, articleId, canEdit, relatedEnabled, links, suggestions, searchResults, linkSearch }: Props) {
  const [order, setOrder] = useState(links.map((l) => l.id));
  const [dragging, setDragging] = useState<string | null>(null);
  const [reorderState, setReorderState] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [, startTransition] = useTransition();
  // The move button to focus once the list has re-rendered: focus stays on the item that moved.
  const [focusAfterMove, setFocusAfterMove] = useState<string | null>(null);
  const moveButtons = useRef(new Map<string, HTMLButtonElement>());
  const byId = new Map(links.map((l) => [l.id, l]));
  const ordered = order.map((id) => byId.get(id)).filter((l): l is Props["links"][number] => !!l);

  useEffect(() => {
    if (focusAfterMove) moveButtons.current.get(focusAfterMove)?.focus();
  }, [order, focusAfterMove]);

  function saveOrder(next: string[], movedId: string) {
    setOrder(next);
    const position = next.indexOf(movedId) + 1;
    setAnnouncement(`Moved “${byId.get(movedId)?.label ?? ""}” to position ${position} of ${next.length}.`);
    setReorderState("Saving the order…");
    const data = new FormData();
    data.set("articleId", articleId);
    data.set("order", next.join(","));
    startTransition(async () => {
      const result = await actions.reorder({}, data);
      setReorderState(result.ok ? "Order saved." : (result.message ?? "Could not save the order."));
    });
  }

  function drop(targetId: string) {
    if (!dragging || dragging === targetId) return;
    const next = order.filter((id) => id !== dragging);
    next.splice(next.indexOf(targetId), 0, dragging);
    setDragging(null);
    saveOrder(next, dragging);
  }

  /** Moves a link by the keyboard or the mouse; the focus follows it (to the other arrow at either end). */
  function move(id: string, to: "up" | "down" | "top") {
    const from = order.indexOf(id);
    const target = to === "top" ? 0 : to === "up" ? from - 1 : from + 1;
    if (target < 0 || target >= order.length || target === from) return;
    const next = order.filter((other) => other !== id);
    next.splice(target, 0, id);
    const direction = to === "down" ? (target === next.length - 1 ? "up" : "down") : target === 0 ? "down" : "up";
    setFocusAfterMove(`${id}:${direction}`);
    saveOrder(next, id);
  }

  return (
    <section aria-labelledby="related-panel-heading" className="mt-10 rounded border border-rule p-4" data-testid="related-panel">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="related-panel-heading" className="font-serif text-xl font-bold">
          Related stories
        </h2>
        <span className="text-sm">
          {relatedEnabled ? "Shown to readers" : "Switched off for this article"}
          {canEdit && (
            <>
              {" "}
              <ActionButton
                action={actions.setEnabled}
                fields={{ articleId, enabled: String(!relatedEnabled) }}
                label={relatedEnabled ? "Switch related stories off" : "Switch related stories on"}
                className={small}
              />
            </>
          )}
        </span>
      </div>
      {!canEdit && <p className="mb-3 text-sm text-muted">Only administrators can change related stories.</p>}
      <p aria-live="polite" className="sr-only" data-testid="related-announcement">
        {announcement}
      </p>
      {reorderState && (
        <p role="status" className="mb-2 text-sm">
          {reorderState}
        </p>
      )}
      {ordered.length === 0 ? (
        <p className="text-sm text-muted">No related stories yet.</p>
      ) : (
        <ol className="space-y-2" aria-label="Related links in order">
          {ordered.map((link, i) => (
            <li
              key={link.id}
              id={`link-${link.id}`}
              draggable={canEdit}
              onDragStart={() => setDragging(link.id)}
              onDragOver={(e) => canEdit && e.preventDefault()}
              onDrop={() => drop(link.id)}
              className={`rounded border border-rule p-2 ${canEdit ? "cursor-grab" : ""}`}
              data-testid="related-link"
            >
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  <span className="font-semibold">
                    {i + 1}. {link.label}
                  </span>{" "}
                  <span className="text-xs text-muted">— {STATE_LABELS[link.state]}</span>
                  {link.target && link.target.headline !== link.label && <span className="block text-sm">→ {link.target.headline}</span>}
                  {link.url && <span className="block text-sm break-all">→ {link.url}</span>}
                </span>
                {canEdit && (
                  <span className="flex flex-wrap gap-1">
                    {(["up", "down"] as const).map((direction) => (
                      <button
                        key={direction}
                        type="button"
                        ref={(button) => {
                          if (button) moveButtons.current.set(`${link.id}:${direction}`, button);
                          else moveButtons.current.delete(`${link.id}:${direction}`);
                        }}
                        disabled={direction === "up" ? i === 0 : i === ordered.length - 1}
                        onClick={() => move(link.id, direction)}
                        aria-label={`Move “${link.label}” ${direction}`}
                        className={small}
                      >
                        {direction === "up" ? "↑" : "↓"}
                      </button>
                    ))}
                    <button
                      type="button"
                      disabled={i === 0}
                      onClick={() => move(link.id, "top")}
                      aria-label={`Move “${link.label}” to the top`}
                      className={small}
                    >
                      Top
                    </button>
                    <ActionButton
                      action={actions.remove}
                      fields={{ linkId: link.id }}
                      label="Remove"
                      ariaLabel={`Remove “${link.label}”`}
                      className={small}
                    />
                  </span>
                )}
              </div>
              {canEdit && (
                <details className="mt-1 text-sm">
                  <summary className="cursor-pointer">Edit label</summary>
                  <ActionButton action={actions.updateLabel} fields={{ linkId: link.id }} label="Save label" className={small}>
                    <label className="sr-only" htmlFor={`label-${link.id}`}>
                      Label of “{link.label}”
                    </label>
                    <input
                      id={`label-${link.id}`}
                      name="label"
                      defaultValue={link.label}
                      className="rounded border border-muted px-2 py-0.5"
                    />
                  </ActionButton>
                </details>
              )}
              {canEdit && link.state === "unresolved" && link.candidates === null && (
                <a href={`?candidates=${link.id}#link-${link.id}`} className="mt-1 inline-block text-sm underline">
                  <span className="sr-only">For “{link.label}”: </span>Find matching articles
                </a>
              )}
              {canEdit && link.candidates?.length === 0 && <p className="mt-1 text-sm text-muted">No article matches this label.</p>}
              {canEdit && !!link.candidates?.length && (
                <div className="mt-1 text-sm">
                  <span className="text-muted">Candidates:</span>
                  <ul className="ml-4 list-disc">
                    {link.candidates.map((c) => (
                      <li key={c.id}>
                        {c.headline} <span className="text-muted">({Math.round(c.score * 100)}% alike)</span>{" "}
                        <ActionButton
                          action={actions.attach}
                          fields={{ linkId: link.id, targetArticleId: c.id }}
                          label="Attach"
                          ariaLabel={`Attach “${c.headline}” to “${link.label}”`}
                          className={small}
                        />
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}

      {canEdit && (
        <div className="mt-6 grid gap-6 md:grid-cols-2">
          <div>
            <h3 className="mb-2 font-semibold">Link to an article</h3>
            <form method="get" className="mb-2 flex gap-2" role="search">
              <label htmlFor="link-search" className="sr-only">
                Search articles by headline
              </label>
              <input
                id="link-search"
                name="linkSearch"
                type="search"
                defaultValue={linkSearch}
                placeholder="Headline…"
                className={inputClass}
              />
              <button type="submit" className={secondaryButtonClass}>
                Find
              </button>
            </form>
            {searchResults && (
              <ul className="space-y-1 text-sm" aria-label="Matching articles">
                {searchResults.length === 0 && <li>No article matches.</li>}
                {searchResults.map((r) => (
                  <li key={r.id}>
                    {r.headline}{" "}
                    <ActionButton
                      action={actions.add}
                      fields={{ articleId, targetArticleId: r.id }}
                      label="Add"
                      ariaLabel={`Add “${r.headline}”`}
                      className={small}
                    />
                  </li>
                ))}
              </ul>
            )}
          </div>
          <ExternalLinkForm articleId={articleId} add={actions.add} />
          <div className="md:col-span-2">
            <h3 className="mb-2 font-semibold">Suggestions</h3>
            {suggestions.length === 0 ? (
              <p className="text-sm text-muted">No similar published articles.</p>
            ) : (
              <ul className="space-y-1 text-sm" aria-label="Suggested articles">
                {suggestions.map((s) => (
                  <li key={s.id}>
                    {s.headline} <span className="text-muted">(score {s.score})</span>{" "}
                    <ActionButton
                      action={actions.add}
                      fields={{ articleId, targetArticleId: s.id }}
                      label="Add"
                      ariaLabel={`Add suggestion “${s.headline}”`}
                      className={small}
                    />
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

function ExternalLinkForm({ articleId, add }: { articleId: string; add: Action }) {
  const [state, action, pending] = useActionState(add, {});
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} key={state.ok ? "done" : "editing"} noValidate>
      <h3 className="mb-2 font-semibold">Link to another site</h3>
      <input type="hidden" name="articleId" value={articleId} />
      <label className="block text-sm" htmlFor="external-label">
        Label
      </label>
      <input id="external-label" name="label" defaultValue={v.label} className={`${inputClass} mb-2`} />
      <label className="block text-sm" htmlFor="external-url">
        URL
      </label>
      <input id="external-url" name="url" type="url" defaultValue={v.url} placeholder="https://" className={`${inputClass} mb-2`} />
      {state.message && !state.ok && (
        <p role="status" className="mb-2 text-sm font-semibold text-accent">
          {state.message}
        </p>
      )}
      <button type="submit" className={buttonClass} disabled={pending}>
        Add external link
      </button>
    </form>
  );
}
