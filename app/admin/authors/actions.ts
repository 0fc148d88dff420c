"use server";

import { formAction } from "@/lib/actions/workspace-action";
import { recordIdSchema } from "@/lib/actions/form-state";
import { deleteAuthor, saveAuthor } from "@/lib/authors/mutations";
import { authorFormSchema } from "@/lib/authors/schema";

export const saveAuthorAction = formAction(authorFormSchema, saveAuthor, {
  invalid: "Some fields need attention.",
  redirectTo: (saved) => `/admin/authors?saved=${saved.id}`,
});
export const deleteAuthorAction = formAction(recordIdSchema, (actor, i) => deleteAuthor(actor, i.id), {
  redirectTo: () => "/admin/authors?deleted=1",
});
