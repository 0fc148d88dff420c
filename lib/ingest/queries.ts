import "server-only";
import { authorized } from "@/lib/auth/actor";
import { db } from "@/lib/db";

/** The configured wires and feeds with how their last poll went, newest first. */
export const listSources = authorized("ingest:manage", async () =>
  db.ingestSource.findMany({ orderBy: [{ createdAt: "desc" }, { id: "asc" }] }),
);
