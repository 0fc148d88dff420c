import type { Metadata } from "next";
import { CreateUserForm, UserAccessControls } from "@/components/admin/user-forms";
import { requireStaffPage } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/queries";
import { createUserAction, resetPasswordAction, signOutEverywhereAction, updateUserAccessAction } from "./actions";
import { ROLE_LABELS } from "@/lib/users/schema";
import { DataTable } from "@/components/ui/data-table";

const actions = {
  create: createUserAction,
  updateAccess: updateUserAccessAction,
  resetPassword: resetPasswordAction,
  signOutEverywhere: signOutEverywhereAction,
};

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const { actor } = await requireStaffPage("/admin/users", "users:manage");
  const users = await listUsers(actor);
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Users</h1>
      <DataTable columns={["User", "Role", "State", "Change"]} className="mb-8">
        {users.map((u) => (
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
      <h2 className="mb-2 font-serif text-xl font-bold">New user</h2>
      <CreateUserForm create={createUserAction} />
    </>
  );
}
