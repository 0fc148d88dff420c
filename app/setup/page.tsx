import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SetupForm } from "@/components/admin/setup-form";
import { hasAnyUser } from "@/lib/users/queries";

export const metadata: Metadata = { title: "Set up Byline", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if (await hasAnyUser()) redirect("/login");
  return (
    <main id="main" className="mx-auto max-w-sm px-4 py-16">
      <h1 className="mb-2 font-serif text-3xl font-bold">Set up Byline</h1>
      <p className="mb-6 text-muted">Create the first administrator account.</p>
      <SetupForm />
    </main>
  );
}
