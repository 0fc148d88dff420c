import type { GetServerSideProps } from "next";
import { NotFoundMessage } from "@/components/reader/chrome";
import { ReaderPage } from "@/components/reader/reader-page";
import { legacyRedirectTarget } from "@/lib/articles/reader";
import { legacyPathOf } from "@/lib/import/legacy-path";
import type { Site } from "@/lib/site";
import { siteForReaders } from "@/lib/site-settings/reader";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

/**
 * Any address no other route answers. A story's address on the site it was imported from gets a
 * permanent redirect to its page here (an old address with a trailing slash first gets Next's own
 * 308 to the form without it); the rest is the reader's 404, with no framework JavaScript.
 */
export const getServerSideProps: GetServerSideProps<{ site: Site }> = async ({ req, res }) => {
  const [pathname] = (req.url ?? "/").split("?");
  const path = legacyPathOf(pathname);
  const slug = path ? await legacyRedirectTarget(path) : null;
  if (slug) return { redirect: { destination: `/articles/${encodeURIComponent(slug)}`, statusCode: 301 } };
  res.statusCode = 404;
  return { props: { site: await siteForReaders() } };
};

export default function UnknownAddress() {
  return (
    <ReaderPage meta={{ title: "Page not found", noindex: true }}>
      <NotFoundMessage />
    </ReaderPage>
  );
}
