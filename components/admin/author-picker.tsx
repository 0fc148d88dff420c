"use client";

import { useState } from "react";
import { inputClass, secondaryButtonClass } from "@/components/ui/field";

/** An author on the byline: an existing author's id, or "new:Name" for one created on save. */
import type { PickedAuthor } from "@/lib/articles/form";

export function AuthorPicker({
  authors,
  allAuthors,
  onChange,
  errors,
}: {
  authors: PickedAuthor[];
  allAuthors: { id: string; name: string }[];
  onChange: (authors: PickedAuthor[]) => void;
  errors?: string[];
}) {
  const [choice, setChoice] = useState("");
  const [newName, setNewName] = useState("");
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
      <label htmlFor="author-choice" className="block text-sm">
        Add an author
      </label>
      <div className="mb-3 flex gap-2">
        <select id="author-choice" value={choice} onChange={(e) => setChoice(e.target.value)} className={inputClass}>
          <option value="">Choose…</option>
          {allAuthors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={() => {
            const author = allAuthors.find((a) => a.id === choice);
            if (author) add(author);
            setChoice("");
          }}
        >
          Add
        </button>
      </div>
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
