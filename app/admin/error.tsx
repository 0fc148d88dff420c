"use client";

// A workspace page that could not load. Forms keep their own text; this only covers page loads.
export default function AdminError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="rounded border border-accent p-4">
      <h1 className="mb-2 text-xl font-bold">This page could not load</h1>
      <p>The database may be unavailable for a moment. Nothing you saved is lost.</p>
      <button type="button" onClick={reset} className="mt-3 underline">
        Try again
      </button>
    </div>
  );
}
