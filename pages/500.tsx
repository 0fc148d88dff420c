import { ReaderPage } from "@/components/reader/reader-page";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

/** A reader page that could not be built (the database down and nothing cached): said plainly. */
export default function ReaderError() {
  return (
    <ReaderPage meta={{ title: "Temporarily unavailable", noindex: true }}>
      <h1 className="font-serif text-3xl font-bold">This page is temporarily unavailable</h1>
      <p className="mt-4">We could not load it just now. Please try again in a moment.</p>
      <p className="mt-4">
        <a href="" className="underline">
          Try again
        </a>
      </p>
    </ReaderPage>
  );
}
