import Link from "@/components/ui/link";

const TABS = [
  ["write", "Write", ""],
  ["related", "Related stories", "/related"],
  ["history", "History", "/revisions"],
] as const;
export type ArticleTab = (typeof TABS)[number][0];

/** An article's three places in the workspace: its text, its related stories, its history. */
export function ArticleTabs({ article, current }: { article: { id: string; headline: string }; current: ArticleTab }) {
  return (
    <>
      {current !== "write" && (
        <>
          <h1 className="font-serif text-3xl font-bold">{TABS.find(([tab]) => tab === current)?.[1]}</h1>
          <p className="mb-3 text-muted">
            of{" "}
            <Link href={`/admin/articles/${article.id}`} className="underline">
              {article.headline}
            </Link>
          </p>
        </>
      )}
      <nav aria-label="This article" className="mb-6 border-b border-rule">
        <ul className="flex flex-wrap gap-1">
          {TABS.map(([tab, label, path]) => (
            <li key={tab}>
              <Link
                href={`/admin/articles/${article.id}${path}`}
                aria-current={tab === current ? "page" : undefined}
                className={`-mb-px inline-block rounded-t border px-3 py-1.5 text-sm ${
                  tab === current ? "border-rule border-b-paper bg-paper font-semibold" : "border-transparent underline"
                }`}
              >
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
