"use server";

import { formAction } from "@/lib/actions/workspace-action";
import { recordIdSchema } from "@/lib/actions/form-state";
import {
  createUser,
  inviteUser,
  type InvitationCreated,
  resetPassword,
  signOutEverywhere,
  updateUserAccess,
  withdrawInvitation,
} from "@/lib/users/mutations";
import { invitationSchema, newUserSchema, resetPasswordSchema, userAccessSchema, type InvitationFormState } from "@/lib/users/schema";

const refresh = "/admin/users";

export const createUserAction = formAction(newUserSchema, createUser, { refresh, invalid: "Some fields need attention." });
export const updateUserAccessAction = formAction(userAccessSchema, (actor, i) => updateUserAccess(actor, i.id, i), { refresh });
export const resetPasswordAction = formAction(resetPasswordSchema, (actor, i) => resetPassword(actor, i.id, i.password), {
  done: "Password reset. The user's sessions have ended.",
});
export const signOutEverywhereAction = formAction(recordIdSchema, (actor, i) => signOutEverywhere(actor, i.id), {
  refresh,
  done: "Signed out everywhere.",
});
export const inviteUserAction = formAction<typeof invitationSchema, InvitationCreated, InvitationFormState>(invitationSchema, inviteUser, {
  refresh,
  invalid: "Some fields need attention.",
  reply: (invitation) => ({ link: invitation.link, expiresAt: invitation.expiresAt }),
});
export const withdrawInvitationAction = formAction(recordIdSchema, (actor, i) => withdrawInvitation(actor, i.id), { refresh });
