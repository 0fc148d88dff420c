import Link from "next/link";

/** Previous / next links; `hrefFor(n)` builds the URL of page n. */
export function Pagination({ page, pages, hrefFor }: { page: number; pages: number; hrefFor: (n: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pagination" className="mt-6 flex items-center justify-between text-sm">
      {page > 1 ? <Link href={hrefFor(page - 1)} rel="prev" className="underline">Newer</Link> : <span />}
      <span>Page {page} of {pages}</span>
      {page < pages ? <Link href={hrefFor(page + 1)} rel="next" className="underline">Older</Link> : <span />}
    </nav>
  );
}
