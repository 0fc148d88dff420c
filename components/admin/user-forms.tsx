"use client";

import { useActionState, useState } from "react";
import { buttonClass, Field, inputClass, secondaryButtonClass } from "@/components/ui/field";
import type { FormState } from "@/lib/actions/form-state";
import type { InvitationFormState } from "@/lib/users/schema";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** The user screens' Server Actions, handed in by the page. */
export type UserActions = { create: Action; updateAccess: Action; resetPassword: Action; signOutEverywhere: Action };

/**
 * Invite a new user: name, email and role. The answer is the single-use link, shown with a copy
 * button for the admin to pass on (and emailed, when email is configured).
 */
export function InviteUserForm({
  invite,
}: {
  invite: (previous: InvitationFormState, formData: FormData) => Promise<InvitationFormState>;
}) {
  const [state, action, pending] = useActionState(invite, {});
  const [copied, setCopied] = useState(false);
  const v = state.ok ? {} : (state.values ?? {});
  const e = state.fieldErrors ?? {};
  return (
    <>
      <form action={action} noValidate className="grid max-w-3xl gap-x-4 sm:grid-cols-3" key={state.ok ? state.link : "form"}>
        <Field label="Name" name="invite-name" errors={e.name}>
          {(p) => <input {...p} name="name" defaultValue={v.name} className={inputClass} />}
        </Field>
        <Field label="Email" name="invite-email" errors={e.email}>
          {(p) => <input {...p} name="email" type="email" defaultValue={v.email} className={inputClass} />}
        </Field>
        <Field label="Role" name="invite-role" errors={e.role}>
          {(p) => (
            <select {...p} name="role" defaultValue={v.role ?? "EDITOR"} className={inputClass}>
              <option value="EDITOR">Editor</option>
              <option value="ADMIN">Admin</option>
            </select>
          )}
        </Field>
        <div className="flex items-center gap-3 sm:col-span-3">
          <button type="submit" className={buttonClass} disabled={pending}>
            Create invitation
          </button>
          {!state.ok && <Message state={state} />}
        </div>
      </form>
      {state.ok && state.link && (
        <div role="status" className="mt-3 max-w-3xl rounded border border-green-700 bg-green-50 p-3 text-sm" data-testid="invitation">
          <p className="mb-2 font-semibold text-green-900">{state.message}</p>
          <label htmlFor="invitation-link" className="block">
            Invitation link (works once, until {state.expiresAt?.slice(0, 16).replace("T", " ")} UTC)
          </label>
          <div className="flex gap-2">
            <input
              id="invitation-link"
              readOnly
              value={state.link}
              className={inputClass}
              onFocus={(event) => event.currentTarget.select()}
            />
            <button
              type="button"
              className={secondaryButtonClass}
              onClick={() => void navigator.clipboard?.writeText(state.link!).then(() => setCopied(true))}
            >
              {copied ? "Copied" : "Copy"}
            </button>
          </div>
        </div>
      )}
    </>
  );
}

function Message({ state }: { state: FormState }) {
  if (!state.message) return null;
  return (
    <span role="status" className={`text-sm font-semibold ${state.ok ? "text-green-800" : "text-accent"}`}>
      {state.message}
    </span>
  );
}

export function CreateUserForm({ create }: { create: Action }) {
  const [state, action, pending] = useActionState(create, {});
  const v = state.ok ? {} : (state.values ?? {});
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="grid max-w-3xl gap-x-4 sm:grid-cols-2" key={state.ok ? state.message : "form"}>
      <Field label="Name" name="name" errors={e.name}>
        {(p) => <input {...p} name="name" defaultValue={v.name} className={inputClass} />}
      </Field>
      <Field label="Email" name="email" errors={e.email}>
        {(p) => <input {...p} name="email" type="email" defaultValue={v.email} className={inputClass} />}
      </Field>
      <Field label="Password" name="password" errors={e.password} hint="At least 12 characters.">
        {(p) => <input {...p} name="password" type="password" autoComplete="new-password" className={inputClass} />}
      </Field>
      <Field label="Role" name="role" errors={e.role}>
        {(p) => (
          <select {...p} name="role" defaultValue={v.role ?? "EDITOR"} className={inputClass}>
            <option value="EDITOR">Editor</option>
            <option value="ADMIN">Admin</option>
          </select>
        )}
      </Field>
      <div className="flex items-center gap-3">
        <button type="submit" className={buttonClass} disabled={pending}>
          Create user
        </button>
        <Message state={state} />
      </div>
    </form>
  );
}

export function UserAccessControls({
  user,
  actions,
}: {
  user: { id: string; email: string; role: "ADMIN" | "EDITOR"; disabled: boolean };
  actions: UserActions;
}) {
  const [roleState, roleAction, rolePending] = useActionState(actions.updateAccess, {});
  const [disableState, disableAction, disablePending] = useActionState(actions.updateAccess, {});
  const [passwordState, passwordAction, passwordPending] = useActionState(actions.resetPassword, {});
  const [signOutState, signOutAction, signOutPending] = useActionState(actions.signOutEverywhere, {});
  return (
    <div className="flex flex-wrap items-center gap-3">
      {/* Keyed by the saved role: after a save the form starts again from what is stored, so
          the dropdown shows the new role (React resets a form to its first defaults otherwise). */}
      <form key={user.role} action={roleAction} className="flex items-center gap-1">
        <input type="hidden" name="id" value={user.id} />
        <label className="sr-only" htmlFor={`role-${user.id}`}>
          Role of {user.email}
        </label>
        <select id={`role-${user.id}`} name="role" defaultValue={user.role} className="rounded border border-muted px-2 py-1">
          <option value="EDITOR">Editor</option>
          <option value="ADMIN">Admin</option>
        </select>
        <button type="submit" className={secondaryButtonClass} disabled={rolePending} aria-label={`Save role of ${user.email}`}>
          Save role
        </button>
        <Message state={roleState} />
      </form>
      <form
        action={disableAction}
        onSubmit={(e) => {
          const question = `Disable ${user.email}? They are signed out everywhere at once and cannot sign in until enabled again.`;
          if (!user.disabled && !window.confirm(question)) e.preventDefault();
        }}
      >
        <input type="hidden" name="id" value={user.id} />
        <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
        <button type="submit" className={secondaryButtonClass} disabled={disablePending}>
          {user.disabled ? `Enable ${user.email}` : `Disable ${user.email}`}
        </button>{" "}
        <Message state={disableState} />
      </form>
      <form action={passwordAction} className="flex items-center gap-1">
        <input type="hidden" name="id" value={user.id} />
        <label className="sr-only" htmlFor={`password-${user.id}`}>
          New password for {user.email}
        </label>
        <input
          id={`password-${user.id}`}
          name="password"
          type="password"
          autoComplete="new-password"
          placeholder="New password"
          className="w-40 rounded border border-muted px-2 py-1"
        />
        <button type="submit" className={secondaryButtonClass} disabled={passwordPending}>
          Reset password
        </button>
        <Message state={passwordState} />
      </form>
      <form action={signOutAction} className="flex items-center gap-1">
        <input type="hidden" name="id" value={user.id} />
        <button type="submit" className={secondaryButtonClass} disabled={signOutPending} aria-label={`Sign out ${user.email} everywhere`}>
          Sign out everywhere
        </button>
        <Message state={signOutState} />
      </form>
    </div>
  );
}
