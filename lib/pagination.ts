/** The largest page number any list accepts: beyond it, a request is a mistake or a probe. */
export const MAX_PAGE = 100_000;

/**
 * A page number from a URL (`?page=` or a path segment): a whole number from 1 to MAX_PAGE written
 * plainly, or null. Callers decide what null means: page 1, a 404, or a 400.
 */
export function parsePageNumber(raw: unknown): number | null {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== "string" || !/^[1-9]\d{0,5}$/.test(value)) return null;
  const page = Number(value);
  return page <= MAX_PAGE ? page : null;
}

/** The rows of page `page` of `size` each, for a Prisma findMany. */
export function pageRows(page: number, size: number): { skip: number; take: number } {
  return { skip: (page - 1) * size, take: size };
}

/** How many pages `total` rows fill (at least one, so an empty list still has its page). */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}
