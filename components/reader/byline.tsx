import Link from "@/components/ui/link";
import type { BylineAuthor } from "@/lib/articles/reader";

/** "By A, B and C", each name linking to the author's page. */
export function Byline({ authors }: { authors: BylineAuthor[] }) {
  if (authors.length === 0) return null;
  return (
    <span>
      By{" "}
      {authors.map((author, i) => (
        <span key={`${i}-${author.name}`}>
          {i > 0 && (i === authors.length - 1 ? " and " : ", ")}
          {author.slug ? (
            <Link href={`/authors/${author.slug}`} rel="author" className="font-semibold underline-offset-4 hover:underline">
              {author.name}
            </Link>
          ) : (
            <span className="font-semibold">{author.name}</span>
          )}
        </span>
      ))}
    </span>
  );
}
