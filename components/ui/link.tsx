import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * Next's Link without automatic prefetching. Workspace pages are rendered per request for the
 * person signed in, so a prefetch is a full server render nobody may use — and Next prefetches
 * every visible link again after each Server Action: one save cost about twenty renders (every
 * header and tab link, twice), taken from the same cores that serve readers. Reader pages ship no
 * framework JavaScript, so there a Link is a plain anchor either way.
 */
export default function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
