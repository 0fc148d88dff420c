/** Old addresses of imported stories, as stored in LegacyUrl and looked up by the reader catch-all. Pure. */

/** A legacy address as stored: the path alone, decoded, without a trailing slash; null for the site's root. */
export function legacyPathOf(url: string): string | null {
  let pathname: string;
  try {
    pathname = new URL(url, "http://old.invalid").pathname;
  } catch {
    return null;
  }
  try {
    pathname = decodeURIComponent(pathname);
  } catch {
    // Kept encoded: it is what the old links say.
  }
  const trimmed = pathname.replace(/\/+$/, "");
  return trimmed === "" || trimmed.length > 500 ? null : trimmed;
}
