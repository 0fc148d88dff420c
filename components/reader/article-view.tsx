import Link from "next/link";
import type { ReaderArticle } from "@/lib/articles/reader";
import { Byline } from "./byline";
import { DateTime } from "./dates";

/** The article as readers see it. The body HTML comes from lib/articles/markdown (raw HTML never passes). */
export function ArticleView({ article }: { article: ReaderArticle }) {
  return (
    <article>
      <header className="mb-6">
        <h1 className="font-serif text-3xl font-bold leading-tight sm:text-4xl">{article.headline}</h1>
        {article.standfirst && <p className="mt-3 text-lg text-muted">{article.standfirst}</p>}
        <p className="mt-4 text-sm">
          <Byline authors={article.authors} />
          {article.dateline && (
            <>
              {article.authors.length > 0 && " — "}
              <span className="uppercase">{article.dateline}</span>
            </>
          )}
        </p>
        <p className="mt-1 text-sm text-muted">
          {article.source && (
            <>
              <span>{article.source}</span> ·{" "}
            </>
          )}
          Published <DateTime iso={article.publishedAt} />
          {article.modifiedAt && (
            <>
              {" · "}Updated <DateTime iso={article.modifiedAt} />
            </>
          )}
        </p>
      </header>
      {article.caption && (
        <figure className="mb-6 border-l-4 border-rule pl-3">
          <figcaption className="text-sm italic text-muted">{article.caption}</figcaption>
        </figure>
      )}
      <div className="prose-article font-serif text-lg" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
      <RelatedStories stories={article.related} />
      <Suggestions suggestions={article.suggestions} />
    </article>
  );
}

function RelatedStories({ stories }: { stories: ReaderArticle["related"] }) {
  if (stories.length === 0) return null;
  return (
    <aside aria-labelledby="related-heading" className="no-print mt-10 border-t border-rule pt-4">
      <h2 id="related-heading" className="font-serif text-xl font-bold">
        Related stories
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {stories.map((story) => (
          <li key={story.href}>
            {story.external ? (
              <a href={story.href} rel="noopener" className="underline">
                {story.label} <span className="text-sm text-muted">(external site)</span>
              </a>
            ) : (
              <Link href={story.href} className="underline">
                {story.label}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </aside>
  );
}

function Suggestions({ suggestions }: { suggestions: ReaderArticle["suggestions"] }) {
  if (suggestions.length === 0) return null;
  return (
    <aside aria-labelledby="suggested-heading" className="no-print mt-8 border-t border-dashed border-rule pt-4">
      <h2 id="suggested-heading" className="font-serif text-lg font-bold">
        More on this topic
      </h2>
      <p className="text-sm text-muted">Suggested automatically</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {suggestions.map((s) => (
          <li key={s.href}>
            <Link href={s.href} className="underline">
              {s.headline}
            </Link>
          </li>
        ))}
      </ul>
    </aside>
  );
}
