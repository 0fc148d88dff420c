import { z } from "zod";

// What the sign-in form sends. (Users, roles and their forms: lib/users/schema.ts.)

export const signInSchema = z.object({
  email: z.email("Enter a valid email address.").trim().toLowerCase().max(254),
  password: z.string().min(1, "Enter your password.").max(1000),
});
