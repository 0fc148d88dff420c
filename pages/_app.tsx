import type { AppProps } from "next/app";
import { SiteContext } from "@/components/reader/site-context";
import { environmentSite, type Site } from "@/lib/site";
import "@/components/reader/reader.css";

// Every reader page's props carry `site` (lib/site-settings/reader.ts); pages without data (500)
// fall back to the environment's.
export default function ReaderApp({ Component, pageProps }: AppProps<{ site?: Site }>) {
  return (
    <SiteContext value={pageProps.site ?? environmentSite}>
      <Component {...pageProps} />
    </SiteContext>
  );
}
