import { z } from "zod";

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
