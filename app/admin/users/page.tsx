import type { Metadata } from "next";
import { ActionButton } from "@/components/admin/action-button";
import { CreateUserForm, InviteUserForm, UserAccessControls } from "@/components/admin/user-forms";
import { utc } from "@/lib/dates";
import { requireStaffPage } from "@/lib/auth/session";
import { listInvitations, listUsersPage } from "@/lib/users/queries";
import { Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/ui/search-form";
import { parsePageNumber } from "@/lib/pagination";
import {
  createUserAction,
  inviteUserAction,
  resetPasswordAction,
  signOutEverywhereAction,
  updateUserAccessAction,
  withdrawInvitationAction,
} from "./actions";
import { ROLE_LABELS } from "@/lib/users/schema";
import { DataTable } from "@/components/ui/data-table";

const actions = {
  create: createUserAction,
  updateAccess: updateUserAccessAction,
  resetPassword: resetPasswordAction,
  signOutEverywhere: signOutEverywhereAction,
};

export const metadata: Metadata = { title: "Users" };

type Props = { searchParams: Promise<{ q?: string; page?: string }> };

export default async function UsersPage({ searchParams }: Props) {
  const params = await searchParams;
  const { actor } = await requireStaffPage("/admin/users", "users:manage");
  const q = (typeof params.q === "string" ? params.q : "").slice(0, 200);
  const [list, invitations] = await Promise.all([
    listUsersPage(actor, { q, page: parsePageNumber(params.page) ?? 1 }),
    listInvitations(actor),
  ]);
  const hrefFor = (page: number) => `/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), page: String(page) })}`;
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Users</h1>
      <SearchForm label="Name or email" q={q} />
      <p className="mb-2 text-sm text-muted">
        {list.total.toLocaleString("en")} {list.total === 1 ? "user" : "users"}
        {q ? ` whose name or email contains “${q}”` : ", active ones first, the newest first"}
      </p>
      <DataTable columns={["User", "Role", "State", "Change"]} stacked>
        {list.users.map((u) => (
          <tr key={u.id} className="border-b border-rule align-top">
            <td className="py-2 pr-3">
              {u.name || "—"}
              <br />
              <span className="text-muted">{u.email}</span>
            </td>
            <td className="py-2 pr-3">{ROLE_LABELS[u.role]}</td>
            <td className="py-2 pr-3">
              {u.disabled ? "Disabled" : "Active"}
              <br />
              <span className="text-muted">{u._count.sessions === 1 ? "1 session" : `${u._count.sessions} sessions`}</span>
            </td>
            <td className="py-2">
              <UserAccessControls user={u} actions={actions} />
            </td>
          </tr>
        ))}
      </DataTable>
      <div className="mb-8">
        <Pagination page={list.page} pages={list.pages} hrefFor={hrefFor} />
      </div>
      <h2 className="mb-2 font-serif text-xl font-bold">Invite a user</h2>
      <p className="mb-3 max-w-3xl text-sm text-muted">
        The invited person opens the link and chooses their own password. It works once, for 7 days; a new invitation to the same address
        replaces the old one.
      </p>
      <InviteUserForm invite={inviteUserAction} />
      {invitations.length > 0 && (
        <DataTable
          columns={["Invited", "Role", "By", "Link", { hidden: "Withdraw" }]}
          caption="Invitations not used yet"
          className="mt-6 mb-8"
          stacked
        >
          {invitations.map((i) => (
            <tr key={i.id} className="border-b border-rule">
              <td className="py-2 pr-3">
                {i.name ? `${i.name} — ` : ""}
                {i.email}
              </td>
              <td className="pr-3">{ROLE_LABELS[i.role]}</td>
              <td className="pr-3">{i.by}</td>
              <td className="pr-3">{i.state === "expired" ? `Expired ${utc(i.expiresAt)}` : `Works until ${utc(i.expiresAt)}`}</td>
              <td>
                <ActionButton
                  action={withdrawInvitationAction}
                  fields={{ id: i.id }}
                  label="Withdraw"
                  ariaLabel={`Withdraw the invitation for ${i.email}`}
                  className="rounded border border-muted px-2 py-0.5"
                />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <details className="mt-8 max-w-3xl">
        <summary className="cursor-pointer font-serif text-xl font-bold">Create a user with a password instead</summary>
        <p className="my-2 text-sm text-muted">For when the person cannot receive a link: you choose the password and tell them.</p>
        <CreateUserForm create={createUserAction} />
      </details>
    </>
  );
}
