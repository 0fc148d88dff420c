import { z } from "zod";

import { MAX_UPLOAD_BYTES } from "@/lib/request-limits.js";

/** Uploads larger than this are refused before they are read to the end. */
export { MAX_UPLOAD_BYTES };
/**
 * Images claiming more pixels than this are refused from their header, before decoding: a tiny
 * PNG that claims 30,000 × 30,000 would take gigabytes to decode. 60 MP covers every camera a
 * newsroom sends out.
 */
export const MAX_PIXELS = 60_000_000;

/** Formats identified from the bytes (sharp's names); the declared type and the file name are ignored. */
export const ACCEPTED_FORMATS = ["jpeg", "png", "webp", "avif", "gif"] as const;
export type ImageFormat = (typeof ACCEPTED_FORMATS)[number];

/** The widths renditions are made at; requests for others are refused, so nobody can fill the disk. */
export const RENDITION_WIDTHS = [320, 640, 960, 1200, 1600] as const;
export const RENDITION_FORMATS = { avif: "image/avif", webp: "image/webp", jpg: "image/jpeg" } as const;
export type RenditionFormat = keyof typeof RENDITION_FORMATS;

/** Crops around the focal point: Google's three for NewsArticle, and the social card. */
export const CROPS = { "16x9": 16 / 9, "4x3": 4 / 3, "1x1": 1, og: 1200 / 630 } as const;
export type Crop = keyof typeof CROPS | "full";

const text = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label} can be at most ${max} characters.`)
    .transform((s) => s.replace(/[\u0000-\u001F\u007F]/g, " ").trim());

const percent = z.coerce
  .number("Enter a number from 0 to 100.")
  .int("Enter a whole number from 0 to 100.")
  .min(0, "Enter a number from 0 to 100.")
  .max(100, "Enter a number from 0 to 100.");

export const imageFormSchema = z.object({
  id: z.string().min(1).max(100),
  alt: text(500, "Alt text"),
  decorative: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
  caption: text(1000, "The caption"),
  credit: text(200, "The credit"),
  licence: text(200, "The source and licence"),
  focalX: percent,
  focalY: percent,
});
export type ImageForm = z.output<typeof imageFormSchema>;

export const bulkCreditSchema = z.object({
  // Repeated checkboxes arrive joined by commas (lib/actions/form-state.ts).
  imageId: z
    .string({ error: "Tick the pictures to credit first." })
    .transform((s) => [...new Set(s.split(",").filter(Boolean))])
    .pipe(z.array(z.string().max(100)).min(1, "Tick the pictures to credit first.").max(200, "Credit at most 200 pictures at a time.")),
  credit: text(200, "The credit"),
});

export const imageListSchema = z.object({
  q: z.string().max(200).default(""),
  uploader: z.string().max(100).default(""),
  /** YYYY-MM: images uploaded in that month. */
  month: z
    .string()
    .default("")
    .refine((s) => s === "" || /^\d{4}-(0[1-9]|1[0-2])$/.test(s), "Choose a month."),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  view: z.enum(["grid", "list"]).default("grid"),
});
export type ImageListQuery = z.output<typeof imageListSchema>;

/** An image without alt text, not marked decorative, cannot go out with a published story. */
export function needsAltText(image: { alt: string; decorative: boolean }): boolean {
  return !image.decorative && image.alt.trim() === "";
}
