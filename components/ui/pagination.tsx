import Link from "@/components/ui/link";

/** Previous / next links around "Page n of m"; `hrefFor(n)` builds the URL of page n. */
export function Pagination({
  page,
  pages,
  hrefFor,
  labels = ["Previous", "Next"],
}: {
  page: number;
  pages: number;
  hrefFor: (n: number) => string;
  labels?: [previous: string, next: string];
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pagination" className="mt-6 flex items-center justify-between text-sm">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev" className="underline">
          {labels[0]}
        </Link>
      ) : (
        <span />
      )}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link href={hrefFor(page + 1)} rel="next" className="underline">
          {labels[1]}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
