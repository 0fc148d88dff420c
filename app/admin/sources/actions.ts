"use server";

import { recordIdSchema } from "@/lib/actions/form-state";
import { formAction } from "@/lib/actions/workspace-action";
import { deleteSource, pollSourceNow, saveSource } from "@/lib/ingest/mutations";
import { sourceFormSchema } from "@/lib/ingest/schema";

export const saveSourceAction = formAction(sourceFormSchema, saveSource, {
  invalid: "Some fields need attention.",
  refresh: "/admin/sources",
});
export const deleteSourceAction = formAction(recordIdSchema, (actor, i) => deleteSource(actor, i.id), { refresh: "/admin/sources" });
export const pollSourceAction = formAction(recordIdSchema, (actor, i) => pollSourceNow(actor, i.id), { refresh: "/admin/sources" });
