import { uploadFromRequest } from "@/lib/media/upload";

/** The library's uploads: one file per request, its bytes as the body, so each shows its own progress. */
export const POST = uploadFromRequest;
