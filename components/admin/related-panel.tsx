"use client";

import { useActionState, useEffect, useRef, useState, useTransition } from "react";
import { buttonClass, inputClass, secondaryButtonClass } from "@/components/ui/field";
import { askWorkspace, type Answer } from "@/lib/actions/workspace-fetch";
import type { FormState } from "@/lib/actions/form-state";
import { CONFIDENT_MATCH, MAX_RELATED, SUGGESTIONS_BELOW, suggestionRule } from "@/lib/related-links/policy";
import type { Candidate, PanelLink } from "@/lib/related-links/queries";
import { ActionButton } from "./action-button";

const STATE_LABELS = {
  published: "Linked to a published article",
  unpublished: "Linked to an unpublished article",
  external: "External URL",
  unresolved: "Unresolved (label only)",
} as const;
const small = "rounded border border-muted px-2 py-0.5 text-sm disabled:opacity-30";
const percent = (score: number) => `${Math.round(score * 100)} %`;

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** The panel's Server Actions, handed in by the page. */
export type RelatedLinkActions = {
  add: Action;
  attach: Action;
  attachMatches: Action;
  remove: Action;
  removeUnresolved: Action;
  reorder: Action;
  setSwitch: Action;
  updateLabel: Action;
};

type Props = {
  actions: RelatedLinkActions;
  articleId: string;
  canEdit: boolean;
  relatedEnabled: boolean;
  suggestionsEnabled: boolean;
  links: PanelLink[];
  suggestions: Candidate[];
  /** A link to bring into view and focus (the report links straight to it). */
  focusLinkId?: string;
};

/**
 * The related-stories panel. ADMINs curate, editors read. Nothing reloads the page: searches and
 * matches are asked for in the background, changes are Server Actions, and the focus stays where
 * the admin works; every action says what happened in one status line.
 */
export function RelatedPanel(props: Props) {
  const { articleId, canEdit, relatedEnabled, suggestionsEnabled, links, suggestions, focusLinkId } = props;
  const [status, setStatus] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const listHeading = useRef<HTMLHeadingElement>(null);
  // After a removal the removed row's button is gone: the focus goes to the list, once it has re-rendered.
  const focusListOnUpdate = useRef(false);
  useEffect(() => {
    if (!focusListOnUpdate.current) return;
    focusListOnUpdate.current = false;
    listHeading.current?.focus();
  }, [links]);

  // Every action reports into the panel's one status line; a removal moves the focus to the list.
  const told = (action: Action, focusList = false): Action =>
    async function toldAction(previous, formData) {
      const result = await action(previous, formData);
      if (result.ok) {
        setStatus(result.message ?? "Saved.");
        if (focusList) focusListOnUpdate.current = true;
      }
      return result;
    };
  const actions: RelatedLinkActions = {
    ...props.actions,
    add: told(props.actions.add),
    attach: told(props.actions.attach),
    attachMatches: told(props.actions.attachMatches),
    remove: told(props.actions.remove, true),
    removeUnresolved: told(props.actions.removeUnresolved, true),
    setSwitch: told(props.actions.setSwitch),
  };

  const curated = links.filter((l) => l.state !== "unresolved");
  const unresolved = links.filter((l) => l.state === "unresolved");
  const shownCurated = relatedEnabled ? links.filter((l) => l.state === "published" || l.state === "external").length : 0;
  const suggestionPlaces = suggestionsEnabled && shownCurated < SUGGESTIONS_BELOW ? MAX_RELATED - shownCurated : 0;

  return (
    <section aria-label="Related stories" data-testid="related-panel">
      <div className="mb-4 grid gap-2 text-sm sm:grid-cols-2">
        <Switch
          label="Curated links"
          on={relatedEnabled}
          onText="Shown to readers"
          offText="Hidden from readers"
          fields={{ articleId, switch: "curated" }}
          canEdit={canEdit}
          action={actions.setSwitch}
        />
        <Switch
          label="Automatic suggestions"
          on={suggestionsEnabled}
          onText="On"
          offText="Off"
          fields={{ articleId, switch: "suggestions" }}
          canEdit={canEdit}
          action={actions.setSwitch}
        />
        <p className="text-muted sm:col-span-2" data-testid="reader-sees">
          {suggestionRule()} Readers see {shownCurated === 1 ? "1 curated story" : `${shownCurated} curated stories`}
          {suggestionPlaces > 0 ? ` and up to ${suggestionPlaces} suggestions.` : " and no suggestions."}
        </p>
      </div>
      {!canEdit && <p className="mb-3 text-sm text-muted">Only administrators can change related stories.</p>}
      <p role="status" className="mb-2 min-h-5 text-sm font-semibold" data-testid="related-status">
        {status}
      </p>
      <p aria-live="polite" className="sr-only" data-testid="related-announcement">
        {announcement}
      </p>

      {canEdit && <AddBar articleId={articleId} add={actions.add} />}

      <h2 ref={listHeading} tabIndex={-1} className="mt-6 mb-2 font-serif text-xl font-bold">
        Curated links ({curated.length})
      </h2>
      <CuratedList
        links={links}
        articleId={articleId}
        canEdit={canEdit}
        actions={actions}
        focusLinkId={focusLinkId}
        onMoved={setAnnouncement}
        onOrderState={setStatus}
      />

      {unresolved.length > 0 && (
        <UnresolvedLabels links={unresolved} articleId={articleId} canEdit={canEdit} actions={actions} focusLinkId={focusLinkId} />
      )}

      {canEdit && (
        <div className="mt-6">
          <h2 className="mb-2 font-serif text-xl font-bold">Suggested articles to add</h2>
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
      )}
    </section>
  );
}

function Switch(props: {
  label: string;
  on: boolean;
  onText: string;
  offText: string;
  fields: Record<string, string>;
  canEdit: boolean;
  action: Action;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2 rounded border border-rule p-2">
      <span>
        <span className="font-semibold">{props.label}:</span> {props.on ? props.onText : props.offText}
      </span>
      {props.canEdit && (
        <ActionButton
          action={props.action}
          fields={{ ...props.fields, enabled: String(!props.on) }}
          label={props.on ? "Switch off" : "Switch on"}
          ariaLabel={`Switch ${props.label.toLowerCase()} ${props.on ? "off" : "on"}`}
          className={small}
        />
      )}
    </div>
  );
}

/** Search by headline as the admin types (Enter searches at once), or link to another site. */
function AddBar({ articleId, add }: { articleId: string; add: Action }) {
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<{ id: string; headline: string }[] | null>(null);
  const [error, setError] = useState("");
  const asked = useRef(0);

  async function search(text: string) {
    const ask = ++asked.current;
    if (!text.trim()) return setResults(null);
    const answer = await askWorkspace<{ id: string; headline: string }[]>(
      "/admin/related-links/targets",
      { article: articleId, q: text },
      "Could not search just now. Check the connection and try again.",
    );
    if (ask !== asked.current) return; // a later search has been asked meanwhile
    setError("error" in answer ? answer.error : "");
    setResults("data" in answer ? answer.data : null);
  }

  useEffect(() => {
    const timer = setTimeout(() => void search(query), 250);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- search once the admin pauses typing
  }, [query]);

  return (
    <div className="grid gap-4 md:grid-cols-2">
      <div>
        <h2 className="mb-2 font-serif text-xl font-bold">Add a related story</h2>
        <form
          className="mb-2 flex gap-2"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            void search(query);
          }}
        >
          <label htmlFor="link-search" className="sr-only">
            Search articles by headline
          </label>
          <input
            id="link-search"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Headline…"
            autoComplete="off"
            className={inputClass}
          />
          <button type="submit" className={secondaryButtonClass}>
            Find
          </button>
        </form>
        {error && (
          <p role="alert" className="text-sm font-semibold text-accent">
            {error}
          </p>
        )}
        {results && (
          <ul className="space-y-1 text-sm" aria-label="Matching articles">
            {results.length === 0 && <li>No article matches.</li>}
            {results.map((r) => (
              <li key={r.id}>
                {r.headline}{" "}
                <ActionButton
                  action={add}
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
      <details className="self-start rounded border border-rule p-2">
        <summary className="cursor-pointer font-semibold">Link to another site</summary>
        <ExternalLinkForm articleId={articleId} add={add} />
      </details>
    </div>
  );
}

/** Fills the slots the shown links hold in the full order with their new order: unresolved labels keep their places. */
function fullOrder(all: string[], shown: string[]): string[] {
  const isShown = new Set(shown);
  let next = 0;
  return all.map((id) => (isShown.has(id) ? shown[next++] : id));
}

/** The links readers can see, in order, moved by drag and drop, the arrows or "Top"; the focus follows the moved link. */
function CuratedList(props: {
  links: PanelLink[];
  articleId: string;
  canEdit: boolean;
  actions: RelatedLinkActions;
  focusLinkId?: string;
  onMoved: (announcement: string) => void;
  onOrderState: (status: string) => void;
}) {
  const { links, articleId, canEdit, actions } = props;
  const serverOrder = links.map((l) => l.id).join(",");
  const [order, setOrder] = useState(links.map((l) => l.id));
  const [syncedWith, setSyncedWith] = useState(serverOrder);
  // Orders being saved: until the last is, a page refresh from an earlier save carries an order the
  // admin has moved on from, and must not put it back.
  const [savesInFlight, setSavesInFlight] = useState(0);
  // Links added, removed or reordered elsewhere: take the server's order (the rows keep their focus).
  if (syncedWith !== serverOrder && savesInFlight === 0) {
    setSyncedWith(serverOrder);
    setOrder(links.map((l) => l.id));
  }
  const [dragging, setDragging] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  // The move button to focus once the list has re-rendered after a move — once: a later refresh
  // must not pull the focus back from wherever the admin has gone since.
  const focusAfterMove = useRef<string | null>(null);
  const moveButtons = useRef(new Map<string, HTMLButtonElement>());
  const byId = new Map(links.map((l) => [l.id, l]));
  const shown = order.filter((id) => byId.has(id) && byId.get(id)!.state !== "unresolved");

  useEffect(() => {
    if (!focusAfterMove.current) return;
    moveButtons.current.get(focusAfterMove.current)?.focus();
    focusAfterMove.current = null;
  }, [order]);

  function saveOrder(nextShown: string[], movedId: string) {
    const next = fullOrder(order, nextShown);
    setOrder(next);
    props.onMoved(`Moved “${byId.get(movedId)?.label ?? ""}” to position ${nextShown.indexOf(movedId) + 1} of ${nextShown.length}.`);
    props.onOrderState("Saving the order…");
    const data = new FormData();
    data.set("articleId", articleId);
    data.set("order", next.join(","));
    setSavesInFlight((n) => n + 1);
    startTransition(async () => {
      try {
        const result = await actions.reorder({}, data);
        props.onOrderState(result.ok ? "Order saved." : (result.message ?? "Could not save the order."));
      } catch {
        props.onOrderState("Could not save the order: check the connection, then move the story again.");
      } finally {
        setSavesInFlight((n) => n - 1);
      }
    });
  }

  function drop(targetId: string) {
    if (!dragging || dragging === targetId) return;
    const next = shown.filter((id) => id !== dragging);
    next.splice(next.indexOf(targetId), 0, dragging);
    setDragging(null);
    saveOrder(next, dragging);
  }

  function move(id: string, to: "up" | "down" | "top") {
    const from = shown.indexOf(id);
    const target = to === "top" ? 0 : to === "up" ? from - 1 : from + 1;
    if (target < 0 || target >= shown.length || target === from) return;
    const next = shown.filter((other) => other !== id);
    next.splice(target, 0, id);
    // At either end the arrow that moved it is disabled: the focus goes to the other one.
    const direction = to === "down" ? (target === next.length - 1 ? "up" : "down") : target === 0 ? "down" : "up";
    focusAfterMove.current = `${id}:${direction}`;
    saveOrder(next, id);
  }

  if (shown.length === 0) return <p className="text-sm text-muted">No curated links yet.</p>;
  return (
    <ol className="space-y-2" aria-label="Related links in order">
      {shown.map((id, i) => {
        const link = byId.get(id)!;
        return (
          <LinkRow
            key={id}
            link={link}
            canEdit={canEdit}
            actions={actions}
            focused={props.focusLinkId === id}
            draggable={canEdit}
            onDragStart={() => setDragging(id)}
            onDrop={() => drop(id)}
            heading={`${i + 1}. ${link.label}`}
          >
            {canEdit && (
              <>
                {(["up", "down"] as const).map((direction) => (
                  <button
                    key={direction}
                    type="button"
                    ref={(button) => {
                      if (button) moveButtons.current.set(`${id}:${direction}`, button);
                      else moveButtons.current.delete(`${id}:${direction}`);
                    }}
                    disabled={direction === "up" ? i === 0 : i === shown.length - 1}
                    onClick={() => move(id, direction)}
                    aria-label={`Move “${link.label}” ${direction}`}
                    className={small}
                  >
                    {direction === "up" ? "↑" : "↓"}
                  </button>
                ))}
                <button
                  type="button"
                  disabled={i === 0}
                  onClick={() => move(id, "top")}
                  aria-label={`Move “${link.label}” to the top`}
                  className={small}
                >
                  Top
                </button>
              </>
            )}
          </LinkRow>
        );
      })}
    </ol>
  );
}

/** One link: its label, state and target, its own controls, remove, and its label to edit. */
function LinkRow(props: {
  link: PanelLink;
  canEdit: boolean;
  actions: RelatedLinkActions;
  focused: boolean;
  heading: string;
  draggable?: boolean;
  onDragStart?: () => void;
  onDrop?: () => void;
  children?: React.ReactNode;
}) {
  const { link, canEdit, actions } = props;
  const row = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (props.focused) {
      row.current?.scrollIntoView({ block: "center" });
      row.current?.focus();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the page opens on this link
  }, []);
  return (
    <li
      ref={row}
      id={`link-${link.id}`}
      tabIndex={props.focused ? -1 : undefined}
      draggable={props.draggable}
      onDragStart={props.onDragStart}
      onDragOver={(e) => props.draggable && e.preventDefault()}
      onDrop={props.onDrop}
      className={`rounded border p-2 ${props.focused ? "border-accent ring-2 ring-accent" : "border-rule"} ${props.draggable ? "cursor-grab" : ""}`}
      data-testid="related-link"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span>
          <span className="font-semibold">{props.heading}</span>
          {link.state !== "unresolved" && <span className="text-xs text-muted"> — {STATE_LABELS[link.state]}</span>}
          {link.target && link.target.headline !== link.label && <span className="block text-sm">→ {link.target.headline}</span>}
          {link.url && <span className="block text-sm break-all">→ {link.url}</span>}
        </span>
        {canEdit && (
          <span className="flex flex-wrap gap-1">
            {props.children}
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
          <summary className="cursor-pointer">
            Edit label<span className="sr-only"> of “{link.label}”</span>
          </summary>
          <ActionButton action={actions.updateLabel} fields={{ linkId: link.id }} label="Save label" className={small}>
            <label className="sr-only" htmlFor={`label-${link.id}`}>
              Label of “{link.label}”
            </label>
            <input id={`label-${link.id}`} name="label" defaultValue={link.label} className="rounded border border-muted px-2 py-0.5" />
          </ActionButton>
        </details>
      )}
    </li>
  );
}

type Matches = Map<string, Candidate[]>;
type UnresolvedMatch = { linkId: string; candidates: Candidate[] };

/** The best match of each unresolved label of the article, or the closest few for one label. */
function requestMatches(articleId: string, linkId?: string) {
  return askWorkspace<UnresolvedMatch[]>(
    "/admin/related-links/matches",
    { article: articleId, ...(linkId ? { link: linkId } : {}) },
    "Could not look for matches just now. Check the connection and try again.",
  );
}

/**
 * Labels that lead readers nowhere (often dozens on an imported article), folded away with their
 * count. Opening them asks for each label's best match; the bulk actions act on them all.
 */
function UnresolvedLabels(props: {
  links: PanelLink[];
  articleId: string;
  canEdit: boolean;
  actions: RelatedLinkActions;
  focusLinkId?: string;
}) {
  const { links, articleId, canEdit, actions } = props;
  const holdsFocused = links.some((l) => l.id === props.focusLinkId);
  const [matches, setMatches] = useState<Matches | null>(null);
  const [error, setError] = useState("");
  const [loading, setLoading] = useState(holdsFocused && canEdit);

  function receive(answer: Answer<UnresolvedMatch[]>) {
    setLoading(false);
    if ("error" in answer) return setError(answer.error);
    setError("");
    setMatches((known) => new Map([...(known ?? []), ...answer.data.map((m) => [m.linkId, m.candidates] as const)]));
  }
  function ask(linkId?: string) {
    setLoading(true);
    void requestMatches(articleId, linkId).then(receive);
  }

  useEffect(() => {
    // Opened on a link from the report: its matches at once.
    if (holdsFocused && canEdit) void requestMatches(articleId).then(receive);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the page opens
  }, []);

  const confident = matches ? links.filter((l) => (matches.get(l.id)?.[0]?.score ?? 0) >= CONFIDENT_MATCH).length : null;
  return (
    <details
      className="mt-4 rounded border border-rule p-2"
      open={holdsFocused || undefined}
      onToggle={(e) => {
        if (e.currentTarget.open && canEdit && !matches && !loading) ask();
      }}
      data-testid="unresolved-labels"
    >
      <summary className="cursor-pointer font-semibold" data-testid="unresolved-summary">
        {links.length === 1 ? "1 unresolved label" : `${links.length} unresolved labels`}
        <span className="font-normal text-muted"> — readers do not see these until each is attached to an article</span>
      </summary>
      {canEdit && (
        <div className="my-2 flex flex-wrap items-center gap-2">
          <ActionButton
            action={actions.attachMatches}
            fields={{ articleId }}
            label={`Attach all matches ≥ ${percent(CONFIDENT_MATCH)}${confident === null ? "" : ` (${confident})`}`}
            disabled={confident === 0}
            className={secondaryButtonClass}
          />
          <ActionButton
            action={actions.removeUnresolved}
            fields={{ articleId }}
            label={`Remove all ${links.length} unresolved`}
            className={secondaryButtonClass}
            confirm={`Remove all ${links.length} unresolved labels of this article? Readers do not see them; this cannot be undone here.`}
          />
          {loading && <span className="text-sm text-muted">Looking for matches…</span>}
          {error && (
            <span role="alert" className="text-sm font-semibold text-accent">
              {error}
            </span>
          )}
        </div>
      )}
      <ul className="space-y-2">
        {links.map((link) => (
          <LinkRow
            key={link.id}
            link={link}
            canEdit={canEdit}
            actions={actions}
            focused={props.focusLinkId === link.id}
            heading={link.label}
          >
            {canEdit && <Candidates link={link} candidates={matches?.get(link.id)} attach={actions.attach} more={() => ask(link.id)} />}
          </LinkRow>
        ))}
      </ul>
    </details>
  );
}

function Candidates({ link, candidates, attach, more }: { link: PanelLink; candidates?: Candidate[]; attach: Action; more: () => void }) {
  if (candidates === undefined) return null;
  return (
    <span className="flex flex-wrap items-center gap-1 text-sm">
      {candidates.length === 0 && <span className="text-muted">No close match.</span>}
      {candidates.map((c) => (
        <span key={c.id} className="inline-flex items-center gap-1">
          {c.headline} <span className="text-muted">({percent(c.score)} alike)</span>
          <ActionButton
            action={attach}
            fields={{ linkId: link.id, targetArticleId: c.id }}
            label="Attach"
            ariaLabel={`Attach “${c.headline}” to “${link.label}”`}
            className={small}
          />
        </span>
      ))}
      {candidates.length <= 1 && (
        <button type="button" onClick={more} className={small}>
          More candidates<span className="sr-only"> for “{link.label}”</span>
        </button>
      )}
    </span>
  );
}

function ExternalLinkForm({ articleId, add }: { articleId: string; add: Action }) {
  const [state, action, pending] = useActionState(add, {});
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} key={state.ok ? "done" : "editing"} noValidate className="mt-2">
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
