/**
 * Reads a body up to a limit, counting what actually arrives: a body that does not declare its
 * length (chunked) is cut off at the limit like any other. Null when it passes the limit; the
 * stream is cancelled then, so the sender stops.
 */
export async function readAtMost(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Buffer<ArrayBuffer> | null> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size) as Buffer<ArrayBuffer>;
}
