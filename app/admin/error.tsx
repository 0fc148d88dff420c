"use client";

/**
 * A script of this build that no longer exists on the server: Byline was deployed again while the
 * page was open. Retrying cannot help; reloading loads the new build.
 */
function isStaleBuild(error: Error): boolean {
  return /ChunkLoadError|Loading chunk|Failed to load chunk|dynamically imported module|Importing a module script failed/i.test(
    `${error.name} ${error.message}`,
  );
}

// A workspace page that could not load. Forms keep their own text; this only covers page loads.
export default function AdminError({ error, reset }: { error: Error; reset: () => void }) {
  if (isStaleBuild(error)) {
    return (
      <div role="alert" className="rounded border border-accent p-4">
        <h1 className="mb-2 text-xl font-bold">Byline has been updated</h1>
        <p>A new version was installed while this page was open. Reload to continue with it; everything you saved is kept.</p>
        <button type="button" onClick={() => window.location.reload()} className="mt-3 underline">
          Reload the page
        </button>
      </div>
    );
  }
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
