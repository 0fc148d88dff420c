import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-16">
      <h1 className="font-serif text-3xl font-bold">Page not found</h1>
      <p className="mt-4">There is no page at this address. It may have been moved or taken down.</p>
      <p className="mt-4"><Link href="/" className="underline">Go to the latest news</Link></p>
    </main>
  );
}
