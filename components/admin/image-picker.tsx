"use client";

import { useEffect, useRef, useState } from "react";
import { secondaryButtonClass, inputClass } from "@/components/ui/field";
import type { PickedImage } from "@/lib/articles/form";
import { askWorkspace } from "@/lib/actions/workspace-fetch";
import { needsAltText } from "@/lib/media/schema";
import { renditionUrl } from "@/lib/media/urls";
import { MediaUpload } from "./media-upload";

type Matches = { images: PickedImage[]; more: boolean };

/**
 * A picture from the library for a form field (`name` carries its id): the one chosen, with what
 * readers will be told about it, and a library search (or an upload there and then) to choose
 * another. Saved with the form it is in.
 */
export function ImagePicker({
  name,
  label,
  emptyText,
  initial,
  errors,
  onChange,
}: {
  name: string;
  label: string;
  emptyText: string;
  initial: PickedImage | null;
  errors?: string[];
  onChange?: (image: PickedImage | null) => void;
}) {
  const fieldId = `field-${name}`;
  const [chosen, setChosen] = useState<PickedImage | null>(initial);
  const [open, setOpen] = useState(false);
  const changeRef = useRef<HTMLButtonElement>(null);

  function pick(image: PickedImage | null) {
    setChosen(image);
    setOpen(false);
    onChange?.(image);
    // Back to where the editor was: the button that opened the library.
    requestAnimationFrame(() => changeRef.current?.focus());
  }

  return (
    <div className="mb-4" role="group" aria-labelledby={`${fieldId}-label`}>
      <input type="hidden" name={name} value={chosen?.id ?? ""} />
      <p id={`${fieldId}-label`} className="mb-1 block text-sm font-semibold">
        {label}
      </p>
      {chosen ? (
        <div className="flex flex-wrap items-start gap-3">
          {/* eslint-disable-next-line @next/next/no-img-element -- a rendition already */}
          <img
            src={renditionUrl(chosen, "full", 320, "webp")}
            alt=""
            className="h-24 w-auto border border-rule"
            data-testid={`${name}-thumb`}
          />
          <div className="text-sm">
            <p>
              <span className="font-semibold">Alt text:</span>{" "}
              {chosen.decorative ? (
                <em>decorative</em>
              ) : (
                chosen.alt || <span className="font-semibold text-accent">missing — needed to publish</span>
              )}
            </p>
            {chosen.credit && <p>Photo: {chosen.credit}</p>}
            <a href={`/admin/media/${chosen.id}`} target="_blank" rel="noopener" className="underline">
              Describe this picture (opens in a new tab)
            </a>
          </div>
        </div>
      ) : (
        <p className="text-sm text-muted">{emptyText}</p>
      )}
      {errors?.length ? (
        <p id={`${fieldId}-error`} className="mt-1 text-sm font-semibold text-accent" data-field-error={name}>
          {errors.join(" ")}
        </p>
      ) : null}
      <div className="mt-2 flex gap-2">
        <button
          ref={changeRef}
          id={fieldId}
          type="button"
          className={secondaryButtonClass}
          aria-expanded={open}
          aria-describedby={errors?.length ? `${fieldId}-error` : undefined}
          onClick={() => setOpen(!open)}
        >
          {chosen ? "Change" : "Choose"} {label.toLowerCase()}
        </button>
        {chosen && (
          <button type="button" className={secondaryButtonClass} onClick={() => pick(null)}>
            Remove {label.toLowerCase()}
          </button>
        )}
      </div>
      {open && <LibrarySearch onPick={pick} onClose={() => setOpen(false)} />}
    </div>
  );
}

/**
 * The library as a chooser: search as you type (newest first with no text), or upload there and
 * then — a picture just uploaded is chosen at once. Escape closes it.
 */
export function LibrarySearch({ onPick, onClose }: { onPick: (image: PickedImage) => void; onClose: () => void }) {
  const [q, setQ] = useState("");
  const [matches, setMatches] = useState<Matches | null>(null);
  const [problem, setProblem] = useState("");
  const searchRef = useRef<HTMLInputElement>(null);

  async function search(text: string, choose?: string) {
    const answer = await askWorkspace<Matches>("/admin/media/search", { q: text }, "The library could not be searched. Try again.");
    if ("error" in answer) return setProblem(answer.error);
    setProblem("");
    setMatches(answer.data);
    const uploaded = choose && answer.data.images.find((i) => i.id === choose);
    if (uploaded) onPick(uploaded);
  }

  useEffect(() => searchRef.current?.focus(), []);
  useEffect(() => {
    const timer = setTimeout(() => void search(q), 200);
    return () => clearTimeout(timer);
    // `search` only sets state: running again for a new instance of it would change nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  return (
    <div className="mt-2 rounded border border-rule p-3">
      <label className="block text-sm">
        <span className="font-semibold">Search the library</span>
        <input
          ref={searchRef}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            // Enter searches; it must not submit the article.
            if (e.key === "Enter") e.preventDefault();
            if (e.key === "Escape") onClose();
          }}
          className={inputClass}
          placeholder="Alt text, caption, credit or file name"
        />
      </label>
      {problem && (
        <p role="alert" className="mt-1 text-sm text-accent">
          {problem}
        </p>
      )}
      <ul className="mt-2 grid grid-cols-3 gap-2 sm:grid-cols-4" aria-label="Pictures in the library">
        {matches?.images.map((image) => (
          <li key={image.id}>
            <button
              type="button"
              className="block w-full text-left"
              onClick={() => onPick(image)}
              aria-label={`Use ${image.alt || image.caption || image.originalName}`}
            >
              {/* eslint-disable-next-line @next/next/no-img-element -- a rendition already */}
              <img
                src={renditionUrl(image, "4x3", 320, "webp")}
                alt=""
                width={320}
                height={240}
                className="h-auto w-full border border-rule"
              />
              <span className="block truncate text-xs">{image.alt || image.caption || image.originalName}</span>
              {needsAltText(image) && <span className="text-xs text-amber-900">No alt text</span>}
            </button>
          </li>
        ))}
      </ul>
      {matches && matches.images.length === 0 && <p className="text-sm text-muted">No pictures match. Upload one below.</p>}
      <div className="mt-3">
        <MediaUpload compact onUploaded={(id) => void search("", id)} />
      </div>
    </div>
  );
}
