import "server-only";
import type { Outcome } from "@/lib/actions/form-state";
import { authorized } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { pollSource } from "./poll";
import type { SourceForm } from "./schema";

const taken = (error: unknown) => (error as { code?: string }).code === "P2002";

/** Adds a source (no id) or changes one; the schedule follows within half a minute. */
export const saveSource = authorized("ingest:manage", async (user, form: SourceForm): Promise<Outcome> => {
  const { id, ...fields } = form;
  try {
    await db.$transaction(async (tx) => {
      const before = id
        ? await tx.ingestSource.findUnique({
            where: { id },
            select: { name: true, url: true, intervalMinutes: true, publish: true, enabled: true },
          })
        : null;
      if (id && !before) throw Object.assign(new Error("gone"), { code: "P2025" });
      const saved = id ? await tx.ingestSource.update({ where: { id }, data: fields }) : await tx.ingestSource.create({ data: fields });
      await recordAudit(tx, user, {
        entityType: "ingest-source",
        entityId: saved.id,
        action: id ? "update" : "create",
        before,
        after: fields,
      });
    });
  } catch (error) {
    if (taken(error))
      return {
        ok: false,
        message: "A source with this address exists already.",
        fieldErrors: { url: ["A source with this address exists already."] },
      };
    if ((error as { code?: string }).code === "P2025") return { ok: false, message: "This source has been removed meanwhile." };
    throw error;
  }
  return { ok: true, message: id ? `Saved “${fields.name}”.` : `Added “${fields.name}”: its first poll is within a minute.` };
});

export const deleteSource = authorized("ingest:manage", async (user, id: string): Promise<Outcome> => {
  const removed = await db.$transaction(async (tx) => {
    const source = await tx.ingestSource.findUnique({ where: { id }, select: { name: true, url: true } });
    if (!source) return null;
    await tx.ingestSource.delete({ where: { id } });
    await recordAudit(tx, user, { entityType: "ingest-source", entityId: id, action: "delete", before: source });
    return source;
  });
  return removed
    ? { ok: true, message: `Removed “${removed.name}”. Stories it brought in stay.` }
    : { ok: false, message: "This source had been removed already." };
});

/** Polls a source at once, whatever its interval, and says what came in. */
export const pollSourceNow = authorized("ingest:manage", async (_user, id: string): Promise<Outcome> => {
  const summary = await pollSource(db, id);
  const source = await db.ingestSource.findUnique({ where: { id }, select: { name: true, lastError: true } });
  if (!source) return { ok: false, message: "This source has been removed." };
  if (!summary) return { ok: false, message: `“${source.name}”: ${source.lastError}` };
  return {
    ok: true,
    message: `“${source.name}”: ${summary.imported} new, ${summary.updated} updated, ${summary.unchanged} unchanged${summary.skipped ? `, ${summary.skipped} skipped` : ""}.`,
  };
});
