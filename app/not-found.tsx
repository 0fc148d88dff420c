import { NotFoundMessage, ReaderChrome } from "@/components/reader/chrome";

// An address no route matches: no layout but the root one, so bring the reader chrome.
export default function NotFound() {
  return (
    <ReaderChrome>
      <NotFoundMessage />
    </ReaderChrome>
  );
}
