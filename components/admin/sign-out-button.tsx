"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/login" })}
      className="rounded border border-paper px-2 py-1 hover:bg-paper hover:text-ink"
    >
      Sign out
    </button>
  );
}
