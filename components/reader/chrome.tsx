import Link from "@/components/ui/link";
import { siteName as environmentName } from "@/lib/site";

const READER_LINKS = [
  { href: "/", label: "Latest" },
  { href: "/search", label: "Search" },
  { href: "/feed.xml", label: "RSS" },
];

/** Skip link, header with navigation, main landmark and footer around every reader page. */
export function ReaderChrome({ children, siteName = environmentName }: { children: React.ReactNode; siteName?: string }) {
  return (
    <>
      <a
        href="#main"
        className="skip-link sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-paper focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header role="banner" className="border-b border-rule">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <Link href="/" className="font-serif text-2xl font-bold no-underline">
            {siteName}
          </Link>
          <nav aria-label="Main">
            <ul className="flex gap-4 text-sm">
              {READER_LINKS.map((link) => (
                <li key={link.href}>
                  {/* The feed is a file, not a page: a plain link, never a client-side navigation. */}
                  {link.href.endsWith(".xml") ? (
                    <a href={link.href} className="underline-offset-4 hover:underline">
                      {link.label}
                    </a>
                  ) : (
                    <Link href={link.href} className="underline-offset-4 hover:underline">
                      {link.label}
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-6">
        {children}
      </main>
      <footer className="border-t border-rule">
        <p className="mx-auto max-w-3xl px-4 py-4 text-sm text-muted">© {siteName}</p>
      </footer>
    </>
  );
}

export function NotFoundMessage() {
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Page not found</h1>
      <p className="mt-4">There is no page at this address. It may have been moved or taken down.</p>
      <p className="mt-4">
        <Link href="/" className="underline">
          Go to the latest news
        </Link>{" "}
        or{" "}
        <Link href="/search" className="underline">
          search the archive
        </Link>
        .
      </p>
    </>
  );
}
