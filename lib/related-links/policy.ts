// What readers see of an article's related stories: the rules the reader page applies and the
// panel states in words, so the two cannot drift apart.

/** Automatic suggestions fill in while fewer curated stories than this show… */
export const SUGGESTIONS_BELOW = 3;
/** …up to this many related stories in all. */
export const MAX_RELATED = 5;

/** A candidate this alike a label is attached by "Attach all matches" and offered in one click on the report. */
export const CONFIDENT_MATCH = 0.8;

/** The two switches of an article's related stories. */
export const RELATED_SWITCHES = {
  curated: { column: "relatedEnabled", on: "related on", off: "related off" },
  suggestions: { column: "suggestionsEnabled", on: "suggestions on", off: "suggestions off" },
} as const;
export type RelatedSwitch = keyof typeof RELATED_SWITCHES;

/** The rule, in the words the panel shows under its switches. */
export function suggestionRule(): string {
  return `Suggestions fill in while fewer than ${SUGGESTIONS_BELOW} curated stories show, up to ${MAX_RELATED} stories in all.`;
}
