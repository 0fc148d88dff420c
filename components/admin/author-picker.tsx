"use client";

import { useRef, useState } from "react";
import { inputClass, secondaryButtonClass } from "@/components/ui/field";
import type { PickedAuthor } from "@/lib/articles/form";
import { findAuthors } from "@/lib/authors/search-client";

/** Waits this long after the last keystroke before asking the server. */
const SEARCH_DELAY_MS = 250;

/**
 * The byline: existing authors found by searching on the server as the editor types (an archive
 * can hold tens of thousands), or new ones created on save ("new:Name").
 */
export function AuthorPicker({
  authors,
  onChange,
  errors,
}: {
  authors: PickedAuthor[];
  onChange: (authors: PickedAuthor[]) => void;
  errors?: string[];
}) {
  const [text, setText] = useState("");
  const [matches, setMatches] = useState<PickedAuthor[]>([]);
  const [more, setMore] = useState(false);
  const [status, setStatus] = useState("");
  const [newName, setNewName] = useState("");
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  async function find(query: string, offset: number, shown: PickedAuthor[]) {
    const asked = ++latest.current;
    const found = await findAuthors(query, offset);
    if (asked !== latest.current) return; // a later keystroke has asked again
    if ("error" in found) return setStatus(found.error);
    const all = [...shown, ...found.authors];
    setMatches(all);
    setMore(found.more);
    setStatus(all.length === 0 ? "No author matches. Create one below." : `${all.length}${found.more ? "+" : ""} matching authors.`);
  }

  function onType(value: string) {
    setText(value);
    clearTimeout(timer.current);
    if (!value.trim()) {
      latest.current++;
      setMatches([]);
      setMore(false);
      setStatus("");
      return;
    }
    timer.current = setTimeout(() => void find(value, 0, []), SEARCH_DELAY_MS);
  }

  const move = (index: number, by: -1 | 1) => {
    const next = [...authors];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    onChange(next);
  };
  const add = (author: PickedAuthor) => {
    if (!authors.some((a) => a.id === author.id)) onChange([...authors, author]);
  };
  return (
    <fieldset className="rounded border border-rule p-3">
      <legend className="px-1 text-sm font-semibold">Authors</legend>
      {authors.length === 0 ? (
        <p className="mb-2 text-sm text-muted">No byline yet.</p>
      ) : (
        <ol className="mb-3 space-y-1" aria-label="Byline order">
          {authors.map((author, i) => (
            <li key={author.id} className="flex items-center justify-between gap-2 text-sm">
              <span>
                {i + 1}. {author.name}
                {author.id.startsWith("new:") && <span className="text-muted"> (new)</span>}
              </span>
              <span className="flex gap-1">
                <button
                  type="button"
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                  aria-label={`Move ${author.name} up`}
                  className="px-1 disabled:opacity-30"
                >
                  ↑
                </button>
                <button
                  type="button"
                  disabled={i === authors.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={`Move ${author.name} down`}
                  className="px-1 disabled:opacity-30"
                >
                  ↓
                </button>
                <button
                  type="button"
                  onClick={() => onChange(authors.filter((a) => a.id !== author.id))}
                  aria-label={`Remove ${author.name}`}
                  className="px-1"
                >
                  ✕
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      <label htmlFor="author-search" className="block text-sm">
        Add an author
      </label>
      <input
        id="author-search"
        type="search"
        value={text}
        onChange={(e) => onType(e.target.value)}
        placeholder="Type part of a name…"
        autoComplete="off"
        aria-describedby="author-search-status"
        className={inputClass}
      />
      <p id="author-search-status" role="status" className="mt-1 min-h-5 text-xs text-muted">
        {status}
      </p>
      {matches.length > 0 && (
        <ul className="mb-3 space-y-1" aria-label="Matching authors">
          {matches.map((author) => (
            <li key={author.id}>
              <button
                type="button"
                className="text-sm underline disabled:no-underline disabled:opacity-50"
                disabled={authors.some((a) => a.id === author.id)}
                onClick={() => add(author)}
              >
                Add {author.name}
              </button>
            </li>
          ))}
          {more && (
            <li>
              <button type="button" className="text-sm text-muted underline" onClick={() => void find(text, matches.length, matches)}>
                More matches
              </button>
            </li>
          )}
        </ul>
      )}
      <label htmlFor="author-new" className="block text-sm">
        New author name
      </label>
      <div className="flex gap-2">
        <input id="author-new" value={newName} onChange={(e) => setNewName(e.target.value)} className={inputClass} />
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={() => {
            const name = newName.trim().replace(/\s+/g, " ");
            if (name) add({ id: `new:${name}`, name });
            setNewName("");
          }}
        >
          Create
        </button>
      </div>
      {errors?.length ? (
        <p className="mt-2 text-sm font-semibold text-accent" data-field-error="authors">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
