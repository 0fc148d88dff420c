import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { EarlyInputScript } from "@/components/admin/early-input-script";
import { SignOutButton } from "@/components/admin/sign-out-button";
import { roleMay, type Permission } from "@/lib/auth/policy";
import { requireStaffPage } from "@/lib/auth/session";
import { displayName, ROLE_LABELS } from "@/lib/users/schema";

export const metadata: Metadata = { title: { default: "Workspace", template: "%s — Byline workspace" }, robots: { index: false } };

/** The workspace's navigation; a link with a permission shows only to roles that have it. */
const WORKSPACE_LINKS: { href: string; label: string; permission?: Permission }[] = [
  { href: "/admin/articles", label: "Articles" },
  { href: "/admin/articles/new", label: "New article" },
  { href: "/admin/authors", label: "Authors" },
  { href: "/admin/media", label: "Media", permission: "media:edit" },
  { href: "/admin/related-links", label: "Related links" },
  { href: "/admin/users", label: "Users", permission: "users:manage" },
  { href: "/admin/audit", label: "Audit log", permission: "audit:read" },
  { href: "/admin/trash", label: "Trash", permission: "articles:restore" },
  { href: "/admin/sources", label: "Wires", permission: "ingest:manage" },
  { href: "/admin/settings", label: "Settings", permission: "site:settings" },
  { href: "/", label: "View site" },
];

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  // Only for the header (who is signed in, which links to show): every page checks the actor itself.
  const { user } = await requireStaffPage("/admin");
  return (
    <>
      <EarlyInputScript />
      <header className="border-b border-rule bg-ink text-paper">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-2">
          <nav aria-label="Workspace">
            <ul className="flex flex-wrap items-center gap-4 text-sm">
              <li>
                <Link href="/admin/articles" className="font-serif text-lg font-bold">
                  Byline
                </Link>
              </li>
              {WORKSPACE_LINKS.filter((link) => !link.permission || roleMay(user.role, link.permission)).map((link) => (
                <li key={link.href}>
                  <Link href={link.href} className="hover:underline">
                    {link.label}
                  </Link>
                </li>
              ))}
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
