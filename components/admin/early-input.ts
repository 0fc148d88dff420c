"use client";

import { useEffect, type RefObject } from "react";

type EarlyValue = { value: string; start: number | null; end: number | null };
type KeepingForm = HTMLFormElement & { __earlyInput?: Record<string, EarlyValue>; __earlyInputTaken?: boolean };
type TextField = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/**
 * Once the form has hydrated: puts back what was typed into it before (kept by
 * EarlyInputScript), as if typed now, so controlled fields, the unsaved-changes warning and the
 * draft keeper all see it. The form needs the `data-keep-early-input` attribute.
 */
export function useEarlyInput(form: RefObject<HTMLFormElement | null>) {
  useEffect(() => {
    if (form.current) restoreEarlyInput(form.current);
  }, [form]);
}

function restoreEarlyInput(element: KeepingForm) {
  element.__earlyInputTaken = true;
  const early = element.__earlyInput ?? {};
  delete element.__earlyInput;
  for (const [name, typed] of Object.entries(early)) {
    const field = element.elements.namedItem(name);
    if (!isTextField(field)) continue;
    if (field.value !== typed.value) {
      // The prototype's setter, not `field.value =`: React tracks assignments to the element and
      // would take the value for its own, so the input event below would change nothing.
      const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), "value")?.set;
      setter?.call(field, typed.value);
      if (document.activeElement === field && !(field instanceof HTMLSelectElement) && typed.start !== null) {
        field.setSelectionRange(typed.start, typed.end ?? typed.start);
      }
    }
    // Even when the field shows the text already: typed after hydration reset the field but before
    // React took events for it, the text reached the field and not React, which would put its own
    // value back on its next render. The event tells React (and it ignores one it has seen).
    field.dispatchEvent(new Event("input", { bubbles: true }));
  }
}

function isTextField(field: unknown): field is TextField {
  return field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement;
}
