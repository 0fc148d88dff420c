import { readFileSync } from "node:fs";

export const SEED_FILE = "seeds/000_8fd1ad85870b55ea.txt";
export const seedText = () => readFileSync(SEED_FILE, "utf8");

/** A document in the seed format, for tests that need small, controlled inputs. */
export function makeDocument(fields: {
  date?: string;
  headline?: string;
  standfirst?: string;
  source?: string;
  byline?: string;
  caption?: string;
  body?: string[];
  related?: string[];
}): string {
  const blocks = [
    `First Published: ${fields.date ?? "2020-05-01"}`,
    fields.headline ?? "A headline",
    fields.standfirst ?? "A standfirst.",
    [
      fields.source ?? "Middle East Online",
      fields.byline ?? "By Jane Roe – CAIRO",
      fields.caption ?? "A caption.",
      ...(fields.body ?? ["First paragraph.", "Second paragraph."]),
    ].join("\n\n"),
  ];
  if (fields.related?.length) blocks.push(fields.related.join("\n\n"));
  return blocks.join("\n\n\n") + "\n";
}
