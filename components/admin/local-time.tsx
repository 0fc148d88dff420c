"use client";

import { useEffect, useRef, useState } from "react";

/**
 * The workspace takes times in UTC (until the newsroom's own time zone is a setting). Beside the
 * field, this says the same moment on the editor's clock, so 21:47 UTC is never mistaken.
 */
export function UtcTimeInput(props: React.InputHTMLAttributes<HTMLInputElement> & { defaultValue: string; name: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(props.defaultValue);
  // A time picked before the page finished loading is already in the field: read it from there.
  useEffect(() => {
    if (input.current) setValue(input.current.value);
  }, []);
  const local = localTimeOf(value);
  return (
    <>
      <input {...props} ref={input} type="datetime-local" onChange={(e) => setValue(e.target.value)} />
      <span className="mt-1 block text-xs text-muted" aria-live="polite" data-testid="local-time" suppressHydrationWarning>
        {local ? `${value.replace("T", " ")} UTC is ${local} your time.` : ""}
      </span>
    </>
  );
}

function localTimeOf(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return "";
  const moment = new Date(`${value.slice(0, 16)}:00Z`);
  if (Number.isNaN(moment.getTime())) return "";
  return moment.toLocaleString(undefined, {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  });
}
