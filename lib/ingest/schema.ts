import { z } from "zod";

const oneLine = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label} can be at most ${max} characters.`)
    .transform((s) => s.replace(/[\u0000-\u001F\u007F]/g, " ").trim());

/** A wire or feed as admins set it up in the workspace (app/admin/sources). */
export const sourceFormSchema = z.object({
  id: z.string().max(100).default(""),
  name: oneLine(100, "The name").pipe(z.string().min(1, "Name the source, as readers will see it credited.")),
  url: oneLine(2000, "The address").pipe(
    z.url({ protocol: /^https?$/, message: "Enter the feed's web address, starting with https:// or http://." }),
  ),
  intervalMinutes: z.coerce
    .number({ message: "Enter how often to poll, in minutes." })
    .int("Enter whole minutes.")
    .min(1, "Poll at most once a minute.")
    .max(1440, "Poll at least once a day."),
  publish: z
    .string()
    .optional()
    .transform((v) => v === "on"),
  defaultAuthor: oneLine(100, "The default byline"),
  enabled: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});
export type SourceForm = z.output<typeof sourceFormSchema>;

/** Largest feed body read: a day of a busy agency's wire is a few megabytes. */
export const MAX_FEED_BYTES = 20 * 1024 * 1024;
/** A source that does not answer in this long is reported and tried at its next interval. */
export const FEED_TIMEOUT_MS = 20_000;
