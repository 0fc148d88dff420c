"use client";

import { useActionState, useState } from "react";
import { buttonClass, Field, inputClass } from "@/components/ui/field";
import type { FormState } from "@/lib/actions/form-state";
import { renditionUrl, type PublicImage } from "@/lib/media/urls";

type EditableImage = PublicImage & { id: string; licence: string };

/**
 * An image's description and focal point. Clicking the picture (or typing the two numbers) moves
 * the focal point; the crops beside it show what readers and link previews will get.
 */
export function ImageForm({
  image,
  save,
}: {
  image: EditableImage;
  save: (previous: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, action, pending] = useActionState(save, {});
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const [focal, setFocal] = useState({ x: Number(v.focalX ?? image.focalX), y: Number(v.focalY ?? image.focalY) });
  const [decorative, setDecorative] = useState(v.decorative !== undefined ? v.decorative === "on" : image.decorative);
  const saved = { ...image, focalX: image.focalX, focalY: image.focalY };
  return (
    <form action={action} noValidate className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <input type="hidden" name="id" value={image.id} />
      <div>
        <div className="relative">
          {/* eslint-disable-next-line @next/next/no-img-element -- a rendition already */}
          <img
            src={renditionUrl(image, "full", 960, "webp")}
            alt={image.alt}
            width={image.width}
            height={image.height}
            className="h-auto w-full cursor-crosshair"
            onClick={(event) => {
              const box = event.currentTarget.getBoundingClientRect();
              setFocal({
                x: Math.round(((event.clientX - box.left) / box.width) * 100),
                y: Math.round(((event.clientY - box.top) / box.height) * 100),
              });
            }}
          />
          <span
            aria-hidden
            className="pointer-events-none absolute h-6 w-6 -translate-x-1/2 -translate-y-1/2 rounded-full border-4 border-white shadow-[0_0_0_2px_black]"
            style={{ left: `${focal.x}%`, top: `${focal.y}%` }}
          />
        </div>
        <p className="mt-1 text-xs text-muted">Click the picture where every crop should centre — a face, the ball, the sign.</p>
        <div className="mt-2 flex gap-4">
          <Field label="Focal point across (%)" name="focalX" errors={e.focalX}>
            {(p) => (
              <input
                {...p}
                name="focalX"
                type="number"
                min={0}
                max={100}
                value={focal.x}
                onChange={(ev) => setFocal({ ...focal, x: Number(ev.target.value) })}
                className={inputClass}
              />
            )}
          </Field>
          <Field label="Focal point down (%)" name="focalY" errors={e.focalY}>
            {(p) => (
              <input
                {...p}
                name="focalY"
                type="number"
                min={0}
                max={100}
                value={focal.y}
                onChange={(ev) => setFocal({ ...focal, y: Number(ev.target.value) })}
                className={inputClass}
              />
            )}
          </Field>
        </div>
        <h2 className="mt-2 text-sm font-semibold">Crops as saved</h2>
        <div className="mt-1 flex flex-wrap items-end gap-2">
          {(["16x9", "1x1", "og"] as const).map((crop) => (
            <figure key={crop}>
              {/* eslint-disable-next-line @next/next/no-img-element -- a rendition already */}
              <img src={renditionUrl(saved, crop, 320, "webp")} alt="" className="h-24 w-auto border border-rule" />
              <figcaption className="text-xs text-muted">{crop === "og" ? "Link preview" : crop.replace("x", ":")}</figcaption>
            </figure>
          ))}
        </div>
      </div>
      <div>
        <Field
          label="Alt text"
          name="alt"
          errors={e.alt}
          hint="What the picture shows, for readers who cannot see it. Needed before a story with this picture is published."
        >
          {(p) => <textarea {...p} name="alt" rows={3} defaultValue={v.alt ?? image.alt} disabled={decorative} className={inputClass} />}
        </Field>
        <label className="mb-4 flex items-center gap-2 text-sm">
          <input type="checkbox" name="decorative" checked={decorative} onChange={(ev) => setDecorative(ev.target.checked)} />
          Decorative: adds nothing a reader needs described
        </label>
        {decorative && <input type="hidden" name="alt" value={v.alt ?? image.alt} />}
        <Field
          label="Caption"
          name="caption"
          errors={e.caption}
          hint="Shown under the picture. A story's own caption, when it has one, is used instead."
        >
          {(p) => <textarea {...p} name="caption" rows={2} defaultValue={v.caption ?? image.caption} className={inputClass} />}
        </Field>
        <Field
          label="Credit"
          name="credit"
          errors={e.credit}
          hint="Shown as “Photo: …” and kept inside the served files as their copyright."
        >
          {(p) => <input {...p} name="credit" defaultValue={v.credit ?? image.credit} className={inputClass} />}
        </Field>
        <Field
          label="Source and licence"
          name="licence"
          errors={e.licence}
          hint="For the desk only: where it came from and what we may do with it."
        >
          {(p) => <input {...p} name="licence" defaultValue={v.licence ?? image.licence} className={inputClass} />}
        </Field>
        {state.message && (
          <p role="status" className="mb-3 font-semibold text-accent">
            {state.message}
          </p>
        )}
        <button type="submit" className={buttonClass} disabled={pending}>
          Save picture
        </button>
      </div>
    </form>
  );
}
