import { ReaderChrome } from "./chrome";
import { ReaderHead, type PageMeta } from "./reader-head";
import { useSite } from "./site-context";

/** A reader page of the Pages Router: its head, then the chrome around its content, in the publication's name. */
export function ReaderPage({ meta, children }: { meta: PageMeta; children: React.ReactNode }) {
  const site = useSite();
  return (
    <>
      <ReaderHead meta={meta} site={site} />
      <ReaderChrome siteName={site.name}>{children}</ReaderChrome>
    </>
  );
}
