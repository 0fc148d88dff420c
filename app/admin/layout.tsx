import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/components/admin/sign-out-button";
import { requireStaffPage } from "@/lib/auth/session";
import { displayName, ROLE_LABELS } from "@/lib/users/schema";

export const metadata: Metadata = { title: { default: "Workspace", template: "%s — Byline workspace" }, robots: { index: false } };

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  // Only for the header (who is signed in, which links to show): every page checks the actor itself.
  const { user } = await requireStaffPage("/admin");
  return (
    <>
      <header className="border-b border-rule bg-ink text-paper">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-2">
          <nav aria-label="Workspace">
            <ul className="flex flex-wrap items-center gap-4 text-sm">
              <li>
                <Link href="/admin/articles" className="font-serif text-lg font-bold">
                  Byline
                </Link>
              </li>
              <li>
                <Link href="/admin/articles" className="hover:underline">
                  Articles
                </Link>
              </li>
              <li>
                <Link href="/admin/articles/new" className="hover:underline">
                  New article
                </Link>
              </li>
              <li>
                <Link href="/admin/authors" className="hover:underline">
                  Authors
                </Link>
              </li>
              <li>
                <Link href="/admin/related-links" className="hover:underline">
                  Related links
                </Link>
              </li>
              {user.role === "ADMIN" && (
                <>
                  <li>
                    <Link href="/admin/users" className="hover:underline">
                      Users
                    </Link>
                  </li>
                  <li>
                    <Link href="/admin/audit" className="hover:underline">
                      Audit log
                    </Link>
                  </li>
                  <li>
                    <Link href="/admin/trash" className="hover:underline">
                      Trash
                    </Link>
                  </li>
                </>
              )}
              <li>
                <Link href="/" className="hover:underline">
                  View site
                </Link>
              </li>
            </ul>
          </nav>
          <div className="flex items-center gap-3 text-sm">
            <span data-testid="whoami">
              {displayName(user)} ({ROLE_LABELS[user.role]})
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
