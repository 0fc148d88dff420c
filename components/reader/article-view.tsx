import Link from "@/components/ui/link";
import type { ReaderArticle } from "@/lib/articles/reader";
import { Byline } from "./byline";
import { DateTime } from "./dates";
import { Picture } from "./picture";

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
      <LeadImage article={article} />
      <div className="prose-article font-serif text-lg" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
      {article.tags.length > 0 && (
        <p className="mt-6 text-sm text-muted">
          Filed under: <span className="text-ink">{article.tags.join(" · ")}</span>
        </p>
      )}
      <RelatedStories stories={article.related} />
      <Suggestions suggestions={article.suggestions} />
    </article>
  );
}

/** The lead picture with its caption and credit; a caption with no picture stands alone, as before. */
function LeadImage({ article }: { article: ReaderArticle }) {
  const image = article.image;
  const caption = article.caption || image?.caption || "";
  if (!image) {
    return caption ? (
      <figure className="mb-6 border-l-4 border-rule pl-3">
        <figcaption className="text-sm italic text-muted">{caption}</figcaption>
      </figure>
    ) : null;
  }
  return (
    <figure className="lead-image mb-6">
      <Picture image={image} sizes="(min-width: 48rem) 46rem, 100vw" lead className="h-auto w-full" />
      {(caption || image.credit) && (
        <figcaption className="mt-2 text-sm text-muted">
          {caption}
          {caption && image.credit && " "}
          {image.credit && <span className="credit">Photo: {image.credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}

function RelatedStories({ stories }: { stories: ReaderArticle["related"] }) {
  return <StoryList id="related-heading" heading="Related stories" stories={stories} className="mt-10 border-t border-rule" />;
}

function Suggestions({ suggestions }: { suggestions: ReaderArticle["suggestions"] }) {
  return (
    <StoryList
      id="suggested-heading"
      heading="More on this topic"
      note="Suggested automatically"
      stories={suggestions.map((s) => ({ label: s.headline, href: s.href, external: false }))}
      className="mt-8 border-t border-dashed border-rule"
      headingClassName="text-lg"
    />
  );
}

/** A titled list of other stories after the article: curated, or suggested (`note` says which). */
function StoryList({
  id,
  heading,
  note,
  stories,
  className,
  headingClassName = "text-xl",
}: {
  id: string;
  heading: string;
  note?: string;
  stories: ReaderArticle["related"];
  className: string;
  headingClassName?: string;
}) {
  if (stories.length === 0) return null;
  return (
    <aside aria-labelledby={id} className={`no-print pt-4 ${className}`}>
      <h2 id={id} className={`font-serif font-bold ${headingClassName}`}>
        {heading}
      </h2>
      {note && <p className="text-sm text-muted">{note}</p>}
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
