import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/admin/login-form";
import { signInErrorMessage } from "@/lib/auth/messages";
import { currentStaff } from "@/lib/auth/session";
import { hasAnyUser } from "@/lib/users/queries";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };
export const dynamic = "force-dynamic";

/** Only a same-origin path of sensible length may follow sign-in. */
function safeCallback(raw: string | undefined): string {
  return typeof raw === "string" && raw.length <= 500 && raw.startsWith("/") && !raw.startsWith("//") && !raw.startsWith("/\\")
    ? raw
    : "/admin";
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string; welcome?: string; setup?: string }>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await currentStaff()) redirect(callbackUrl);
  if (!(await hasAnyUser())) redirect("/setup");
  return (
    <main id="main" className="mx-auto max-w-sm px-4 py-16">
      <h1 className="mb-6 font-serif text-3xl font-bold">Sign in to Byline</h1>
      {(params.welcome || params.setup) && (
        <p role="status" className="mb-4 rounded bg-green-100 p-2 text-green-900">
          {params.welcome
            ? "Your account is ready. Sign in with your email and the password you chose."
            : "Byline is set up. Sign in as the administrator you created."}
        </p>
      )}
      <LoginForm callbackUrl={callbackUrl} initialError={params.error ? signInErrorMessage(params.error) : undefined} />
    </main>
  );
}
