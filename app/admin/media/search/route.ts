import { z } from "zod";
import { workspaceGet } from "@/lib/actions/workspace-route";
import { searchImages } from "@/lib/media/queries";

/** The lead-image picker's matches as the editor types. */
export const GET = workspaceGet(
  z.object({ q: z.string().max(200).default(""), offset: z.coerce.number().int().min(0).max(100_000).default(0) }),
  (actor, { q, offset }) => searchImages(actor, q, offset),
);
