/** Text helpers shared by the importer, the editors' forms and related-link resolution. Pure. */

/** Removes accents (é → e) but keeps letters of every script (Arabic, Cyrillic…). */
function foldDiacritics(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .normalize("NFC");
}

/**
 * URL slug from a headline or a name: lower case, accents dropped, anything that is
 * neither letter nor digit becomes a single hyphen. Non-Latin letters are kept.
 */
export function slugify(text: string, maxLength = 80): string {
  const slug = foldDiacritics(text)
    .toLowerCase()
    .replace(/['’‘`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, "");
}

/**
 * The comparison key of a headline or a related-story label: case, accents, whitespace,
 * punctuation and quotes folded, so "Assad grateful to Russia as army advances on ‘nearly every front’"
 * and "assad grateful to russia as army advances on nearly every front" are the same story.
 */
export function headlineKey(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Trims and folds runs of whitespace (including non-breaking spaces) to one space. */
export function squish(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * A URL path segment decoded, or null when it is not valid percent-encoding (a literal `%`, broken
 * UTF-8): such an address names nothing, and answers 404, never a server error.
 */
export function decodePathSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
