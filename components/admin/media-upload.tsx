"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { secondaryButtonClass } from "@/components/ui/field";

type Upload = { key: string; name: string; progress: number; state: "uploading" | "done" | "failed"; message: string; id?: string };

const ACCEPT = "image/jpeg,image/png,image/webp,image/avif,image/gif";

/**
 * Drop files here or pick them: each is sent on its own, with its own progress bar and its own
 * outcome ("Uploaded — describe it" or the reason it was refused). `onUploaded` receives each new
 * image's id (the article form uses it to choose the lead image at once).
 */
export function MediaUpload({
  onUploaded,
  compact = false,
  replaceId,
}: {
  onUploaded?: (id: string) => void;
  compact?: boolean;
  /** Replace this picture with the one file chosen, everywhere it is used. */
  replaceId?: string;
}) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [over, setOver] = useState(false);

  const update = (key: string, change: Partial<Upload>) => setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...change } : u)));

  function send(file: File) {
    const key = `${file.name}-${file.size}-${Math.random()}`;
    setUploads((all) => [...all, { key, name: file.name, progress: 0, state: "uploading", message: "Uploading…" }]);
    // XMLHttpRequest, not fetch: only it reports upload progress.
    const request = new XMLHttpRequest();
    request.open("POST", replaceId ? `/admin/media/upload?${new URLSearchParams({ replace: replaceId })}` : "/admin/media/upload");
    request.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    request.upload.onprogress = (e) => e.lengthComputable && update(key, { progress: Math.round((e.loaded / e.total) * 100) });
    request.onerror = () => update(key, { state: "failed", message: "The connection dropped. Try this file again." });
    request.onload = () => {
      let reply: { id?: string; duplicate?: boolean; error?: string } = {};
      try {
        reply = JSON.parse(request.responseText);
      } catch {
        reply = { error: request.status === 413 ? "This file is too large." : "The server could not take this file." };
      }
      if (request.status === 200 && reply.id) {
        update(key, {
          state: "done",
          progress: 100,
          id: reply.id,
          message: replaceId
            ? reply.duplicate
              ? "That is the file already in use."
              : "Replaced — every story using this picture shows the new file."
            : reply.duplicate
              ? "Already in the library."
              : "Uploaded — add alt text before publishing.",
        });
        onUploaded?.(reply.id);
        router.refresh();
      } else {
        update(key, { state: "failed", message: reply.error ?? "The upload failed." });
      }
    };
    request.send(file);
  }

  const sendAll = (files: FileList | null) => Array.from(files ?? []).forEach(send);

  return (
    <div className="mb-6">
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          sendAll(e.dataTransfer.files);
        }}
        className={`flex flex-wrap items-center gap-3 rounded border-2 border-dashed p-4 ${over ? "border-ink bg-rule/40" : "border-muted"} ${compact ? "" : "min-h-24"}`}
      >
        <button type="button" className={secondaryButtonClass} onClick={() => input.current?.click()}>
          {replaceId ? "Replace with another file…" : "Choose pictures…"}
        </button>
        <span className="text-sm text-muted">
          {replaceId ? "or drop it here. Its description, credit and focal point stay." : "or drop them here."} JPEG, PNG, WebP, AVIF or
          GIF, up to 25 MB
          {replaceId ? "." : " each."}
        </span>
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          multiple={!replaceId}
          className="sr-only"
          aria-label="Pictures to upload"
          data-testid="media-file-input"
          onChange={(e) => {
            sendAll(e.target.files);
            e.target.value = "";
          }}
        />
      </div>
      {uploads.length > 0 && (
        <ul className="mt-2 space-y-1 text-sm" aria-label="Uploads" aria-live="polite">
          {uploads.map((u) => (
            <li key={u.key} className="flex flex-wrap items-center gap-2" data-upload-state={u.state}>
              <span className="font-semibold">{u.name}</span>
              {u.state === "uploading" && <progress max={100} value={u.progress} aria-label={`${u.name} uploaded`} />}
              <span className={u.state === "failed" ? "font-semibold text-accent" : ""}>{u.message}</span>
              {u.id && !compact && !replaceId && (
                <a href={`/admin/media/${u.id}`} className="underline">
                  Describe it
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
