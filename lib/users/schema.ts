import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";

export const ROLES = ["ADMIN", "EDITOR"] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = { ADMIN: "Admin", EDITOR: "Editor" };

/** How the workspace names a person: their name, or their email when they have none. */
export function displayName(user: { name: string; email: string }): string {
  return user.name || user.email;
}

export const newUserSchema = z.object({
  email: z.email("Enter a valid email address.").trim().toLowerCase().max(254),
  name: z.string().trim().max(200).default(""),
  password: z.string("Enter a password.").min(12, "Use at least 12 characters.").max(1000, "Use at most 1,000 characters."),
  role: z.enum(ROLES, "Choose a role."),
});
export type NewUser = z.infer<typeof newUserSchema>;

export const userAccessSchema = z.object({
  id: z.string().min(1),
  role: z.enum(ROLES, "Choose a role.").optional(),
  disabled: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
});

export const resetPasswordSchema = z.object({
  id: z.string().min(1),
  password: newUserSchema.shape.password,
});

/** An invitation: who is invited, as what; they choose their own password. */
export const invitationSchema = newUserSchema.omit({ password: true });
export type Invitee = z.infer<typeof invitationSchema>;
/** What the invitation form shows after "Create invitation": the link to pass on, and until when it works. */
export type InvitationFormState = FormState & { link?: string; expiresAt?: string };

/** The invited person's form: the name they go by and the password they choose, typed twice. */
export const acceptInvitationSchema = z
  .object({
    token: z.string().max(100),
    name: z.string().trim().max(200).default(""),
    password: newUserSchema.shape.password,
    confirmPassword: z.string().default(""),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The two passwords differ." });
