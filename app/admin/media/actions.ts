"use server";

import { formAction } from "@/lib/actions/workspace-action";
import { recordIdSchema } from "@/lib/actions/form-state";
import { deleteImage, setCredit, updateImage } from "@/lib/media/mutations";
import { bulkCreditSchema, imageFormSchema } from "@/lib/media/schema";

export const saveImageAction = formAction(imageFormSchema, updateImage, {
  invalid: "Some fields need attention.",
  done: "Saved. Stories using this picture show the change.",
  refresh: "workspace",
});
export const deleteImageAction = formAction(recordIdSchema, (actor, i) => deleteImage(actor, i.id), {
  redirectTo: () => "/admin/media?deleted=1",
});
export const setCreditAction = formAction(bulkCreditSchema, (actor, i) => setCredit(actor, { imageIds: i.imageId, credit: i.credit }), {
  refresh: "/admin/media",
});
