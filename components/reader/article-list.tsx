import Link from "@/components/ui/link";
import type { ArticleSummary } from "@/lib/articles/reader";
import { Byline } from "./byline";
import { DateTime } from "./dates";
import { Picture } from "./picture";

/** A list of article summaries; `headingLevel` keeps the page's heading order logical. */
export function ArticleList({ articles, headingLevel = 2 }: { articles: ArticleSummary[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ol className="divide-y divide-rule">
      {articles.map((article) => (
        <li key={article.slug} className="py-4">
          <article className="flex gap-4">
            <div className="min-w-0 flex-1">
              <Heading className="font-serif text-xl font-bold leading-snug">
                <Link href={`/articles/${article.slug}`} className="underline-offset-4 hover:underline">
                  {article.headline}
                </Link>
              </Heading>
              {article.standfirst && <p className="mt-1 text-muted">{article.standfirst}</p>}
              <p className="mt-1 text-sm text-muted">
                <Byline authors={article.authors} />
                {article.authors.length > 0 && " · "}
                <DateTime iso={article.publishedAt} />
              </p>
            </div>
            {article.image && (
              <div className="w-24 shrink-0 sm:w-40">
                {/* The headline beside it says what the story is: the thumbnail adds nothing to read out. */}
                <Picture
                  image={{ ...article.image, decorative: true }}
                  crop="4x3"
                  sizes="(min-width: 40rem) 10rem, 6rem"
                  className="h-auto w-full"
                />
              </div>
            )}
          </article>
        </li>
      ))}
    </ol>
  );
}
