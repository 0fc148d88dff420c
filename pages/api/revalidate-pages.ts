// POST /api/revalidate-pages — the server asking itself to re-render reader pages after a change
// (lib/pages-revalidation.ts). Anyone else gets a 404.
import type { NextApiRequest, NextApiResponse } from "next";
import { z } from "zod";
import { isRevalidationToken, REVALIDATE_HEADER } from "@/lib/pages-revalidation";

const requestSchema = z.object({ paths: z.array(z.string().regex(/^\/[^?#\s]{0,500}$/)).max(500) });

export default async function revalidatePages(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== "POST" || !isRevalidationToken(req.headers[REVALIDATE_HEADER])) return res.status(404).end();
  const parsed = requestSchema.safeParse(req.body);
  if (!parsed.success) return res.status(400).json({ error: "paths must be up to 500 site paths" });
  const results = await Promise.allSettled([...new Set(parsed.data.paths)].map((path) => res.revalidate(path)));
  const failed = results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason));
  if (failed.length) console.error("[byline] could not re-render: %s", failed.join("; "));
  return res.json({ revalidated: results.length - failed.length, failed: failed.length });
}
