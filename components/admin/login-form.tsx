"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { buttonClass, Field, inputClass } from "@/components/ui/field";
import { signInErrorMessage } from "@/lib/auth/messages";

export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    const form = new FormData(event.currentTarget);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
      callbackUrl,
    });
    if (result?.ok && !result.error) {
      window.location.assign(result.url ?? callbackUrl);
      return;
    }
    setPending(false);
    setError(signInErrorMessage(result?.error, result?.status));
  }

  return (
    <form onSubmit={onSubmit} method="post" noValidate>
      <Field label="Email" name="email">
        {(props) => <input {...props} name="email" type="email" autoComplete="username" required className={inputClass} />}
      </Field>
      <Field label="Password" name="password">
        {(props) => <input {...props} name="password" type="password" autoComplete="current-password" required className={inputClass} />}
      </Field>
      <p aria-live="polite" className="mb-4 min-h-6 text-sm font-semibold text-accent" data-testid="login-error">
        {error}
      </p>
      <button type="submit" className={buttonClass} disabled={pending}>
        Sign in
      </button>
    </form>
  );
}
