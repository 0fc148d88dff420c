"use client";

import { useEffect, useRef, useState } from "react";
import type { PickedAuthor, PickedImage } from "@/lib/articles/form";
import { draftFieldsOf, draftKeyOf, type AutosaveState, type DraftFields } from "@/lib/drafts/schema";
import { SIGNED_OUT_MESSAGE } from "@/lib/auth/messages";

/** The editor's text as this browser keeps it, per user and article, after every change. */
export type KeptDraft = {
  fields: DraftFields;
  baseVersion: number;
  authors: PickedAuthor[];
  leadImage: PickedImage | null;
  savedAt: string;
};

export type DraftStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: string; warning?: string }
  | { kind: "offline" }
  | { kind: "problem"; message: string }
  | { kind: "signed-out" };

/** A pause this long after the last keystroke sends the text to the server… */
const PAUSE_MS = 3000;
/** …and while the editor keeps typing, it goes at least this often. */
const AT_LEAST_EVERY_MS = 30_000;

export const localKeyOf = (userId: string, articleId: string | undefined) => `byline:draft:${userId}:${draftKeyOf(articleId)}`;

export function readKept(key: string): KeptDraft | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as KeptDraft) : null;
  } catch {
    return null;
  }
}

export function forgetKept(key: string) {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Storage refused (private mode, quota): there is nothing kept to forget.
  }
}

/**
 * Keeps what the editor types: in this browser at every change (so a crash, a closed tab or an
 * expired session loses nothing), and on the server a few seconds after they pause (at least
 * every 30 s while they type), without making a revision. A send that fails because the network
 * dropped is made again when it returns.
 */
export function useDraftKeeper({
  form,
  userId,
  articleId,
  extra,
  autosave,
}: {
  form: React.RefObject<HTMLFormElement | null>;
  userId: string;
  articleId: string | undefined;
  /** What the form holds outside its inputs: the byline's names and the chosen picture. */
  extra: () => { authors: PickedAuthor[]; leadImage: PickedImage | null };
  autosave: (previous: AutosaveState, formData: FormData) => Promise<AutosaveState>;
}) {
  const key = localKeyOf(userId, articleId);
  const [status, setStatus] = useState<DraftStatus>({ kind: "idle" });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const firstUnsent = useRef<number | null>(null);
  const sending = useRef(false);
  const again = useRef(false);

  function keepLocally() {
    if (!form.current) return;
    const data = new FormData(form.current);
    const kept: KeptDraft = {
      fields: draftFieldsOf(Object.fromEntries(data)),
      baseVersion: Number(data.get("version") ?? 0),
      ...extra(),
      savedAt: new Date().toISOString(),
    };
    try {
      window.localStorage.setItem(key, JSON.stringify(kept));
    } catch {
      // Storage full or refused: the server copy still goes.
    }
  }

  async function send() {
    if (!form.current) return;
    // One request at a time; a change made meanwhile goes as soon as it is back.
    if (sending.current) {
      again.current = true;
      return;
    }
    sending.current = true;
    try {
      do {
        again.current = false;
        if (!navigator.onLine) {
          setStatus({ kind: "offline" });
          break;
        }
        setStatus({ kind: "saving" });
        try {
          const reply = await autosave({}, new FormData(form.current));
          firstUnsent.current = null;
          if (reply.ok && reply.savedAt)
            setStatus({ kind: "saved", at: reply.savedAt, warning: reply.newerVersion ? reply.message : undefined });
          else if (reply.message === SIGNED_OUT_MESSAGE) setStatus({ kind: "signed-out" });
          else setStatus({ kind: "problem", message: reply.message ?? "Not saved to the server; kept on this device." });
        } catch {
          // The request never came back: offline, or the server is away. Kept here; sent on reconnect.
          setStatus({ kind: "offline" });
          break;
        }
      } while (again.current);
    } finally {
      sending.current = false;
    }
  }

  /** Call on every change the editor makes. */
  function changed() {
    keepLocally();
    const now = Date.now();
    firstUnsent.current ??= now;
    clearTimeout(timer.current);
    const due = Math.min(PAUSE_MS, Math.max(0, firstUnsent.current + AT_LEAST_EVERY_MS - now));
    timer.current = setTimeout(() => void send(), due);
  }

  // Back online: what was kept here while offline goes to the server.
  const sendRef = useRef(send);
  useEffect(() => {
    sendRef.current = send;
  });
  useEffect(() => {
    const online = () => {
      if (firstUnsent.current !== null) void sendRef.current();
    };
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      clearTimeout(timer.current);
    };
  }, []);

  /** Sends now (before a preview). */
  async function flush() {
    clearTimeout(timer.current);
    keepLocally();
    await send();
  }

  /** After a save of everything typed: nothing waits to go, and nothing unsaved is kept here. */
  function saved() {
    clearTimeout(timer.current);
    firstUnsent.current = null;
    forgetKept(key);
    setStatus({ kind: "idle" });
  }

  return { status, changed, flush, saved };
}

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });

/** The header's line about the editor's unsaved text: "Saved 12:04", "Saving…", "Offline — kept on this device". */
export function DraftStatusLine({ status }: { status: DraftStatus }) {
  const text =
    status.kind === "saving"
      ? "Saving…"
      : status.kind === "saved"
        ? `Draft saved ${timeOf(status.at)}`
        : status.kind === "offline"
          ? "Offline — kept on this device"
          : status.kind === "problem"
            ? status.message
            : status.kind === "signed-out"
              ? "You are signed out — your text is kept on this device."
              : "";
  return (
    // Sticky: on a phone the editor sees it while typing far down the body.
    <p
      className="sticky top-0 z-10 -mx-1 mb-2 min-h-6 bg-paper/95 px-1 py-0.5 text-sm"
      role="status"
      aria-live="polite"
      data-testid="draft-status"
      data-kind={status.kind}
    >
      <span className={status.kind === "problem" || status.kind === "signed-out" ? "font-semibold text-accent" : "text-muted"}>{text}</span>
      {status.kind === "saved" && status.warning && <span className="ml-2 font-semibold text-amber-900">{status.warning}</span>}
      {status.kind === "signed-out" && (
        // A new tab: this one keeps the form; back here, saving works again.
        <a
          href={`/login?${new URLSearchParams({ callbackUrl: "/admin" })}`}
          target="_blank"
          rel="noopener"
          className="ml-2 font-semibold underline"
        >
          Sign in again (new tab)
        </a>
      )}
    </p>
  );
}
