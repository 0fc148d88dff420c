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
    if (!isTextField(field) || field.value === typed.value) continue;
    // The prototype's setter, not `field.value =`: React tracks assignments to the element and
    // would take the value for its own, so the input event below would change nothing.
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), "value")?.set;
    setter?.call(field, typed.value);
    field.dispatchEvent(new Event("input", { bubbles: true }));
    if (document.activeElement === field && !(field instanceof HTMLSelectElement) && typed.start !== null) {
      field.setSelectionRange(typed.start, typed.end ?? typed.start);
    }
  }
}

function isTextField(field: unknown): field is TextField {
  return field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement;
}
