// The browser side of lib/actions/workspace-route.ts: a workspace question asked without leaving
// the page, answered with the data or with words for the person.

export type Answer<T> = { data: T } | { error: string };

const SIGNED_OUT = "You are signed out. Sign in again; what you typed is kept on this page.";

export async function askWorkspace<T>(path: string, params: Record<string, string>, unreachable: string): Promise<Answer<T>> {
  try {
    const response = await fetch(`${path}?${new URLSearchParams(params)}`);
    // Signed out: the proxy sends the request to the sign-in page.
    if (response.redirected || response.status === 401) return { error: SIGNED_OUT };
    const body = (await response.json()) as T | { error: string };
    if (!response.ok) return { error: (body as { error?: string }).error ?? unreachable };
    return { data: body as T };
  } catch {
    return { error: unreachable };
  }
}
