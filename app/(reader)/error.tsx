"use client";

// A reader page that could not be built (for example while the database is down): say so plainly.
export default function ReaderError({ reset }: { error: Error; reset: () => void }) {
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">This page is temporarily unavailable</h1>
      <p className="mt-4">We could not load it just now. Please try again in a moment.</p>
      <p className="mt-4">
        <button type="button" onClick={reset} className="underline">
          Try again
        </button>
      </p>
    </>
  );
}
