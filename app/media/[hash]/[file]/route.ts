import { serveRendition } from "@/lib/media/serve";

/** A picture as readers get it: one rendition, made on its first request and kept for good. */
export async function GET(request: Request, { params }: { params: Promise<{ hash: string; file: string }> }) {
  const { hash, file } = await params;
  return serveRendition(request, hash, file);
}
