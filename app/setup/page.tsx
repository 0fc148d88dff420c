import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SetupForm } from "@/components/admin/setup-form";
import { hasAnyUser } from "@/lib/users/queries";
import { createFirstAdminAction } from "./actions";

export const metadata: Metadata = { title: "Set up Byline", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  if (await hasAnyUser()) redirect("/login");
  const { token } = await searchParams;
  return (
    <main id="main" className="mx-auto max-w-sm px-4 py-16">
      <h1 className="mb-2 font-serif text-3xl font-bold">Set up Byline</h1>
      <p className="mb-6 text-muted">
        Create the first administrator account. You need the setup token that the server printed to its log when it started (or create the
        account on the server with <code>npm run user:create</code>).
      </p>
      <SetupForm action={createFirstAdminAction} token={typeof token === "string" ? token.slice(0, 64) : ""} />
    </main>
  );
}
