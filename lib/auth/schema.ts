import { z } from "zod";

export const ROLES = ["ADMIN", "EDITOR"] as const;
export type Role = (typeof ROLES)[number];

export const signInSchema = z.object({
  email: z.email("Enter a valid email address.").trim().toLowerCase().max(254),
  password: z.string().min(1, "Enter your password.").max(1000),
});

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

export const userIdSchema = z.object({ id: z.string().min(1).max(100) });
