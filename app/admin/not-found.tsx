import Link from "@/components/ui/link";

// A workspace address with nothing at it (an article since deleted, a mistyped link).
export default function WorkspaceNotFound() {
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Not found</h1>
      <p className="mb-4">There is nothing at this address: it may have been deleted, or the link is wrong.</p>
      <p>
        <Link href="/admin/articles" className="underline">
          Go to the articles
        </Link>
      </p>
    </>
  );
}
