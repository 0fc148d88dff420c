/**
 * The one rule for which link and image addresses a reader page may carry: http(s), mailto,
 * relative and fragment addresses. Shared by Markdown rendering and by the importers' HTML cleaning,
 * so an imported link is kept exactly when the reader page would render it.
 */
const SAFE_LINK = /^(https?:|mailto:|\/|#|\.{0,2}\/)/i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function isSafeLink(url: string): boolean {
  // Control characters and whitespace hide schemes from naive checks ("java\tscript:").
  const compact = url.trim().replace(/[\u0000-\u0020\u007F]/g, "");
  return SAFE_LINK.test(compact) || !HAS_SCHEME.test(compact);
}
