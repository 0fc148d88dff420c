import "server-only";
import type { Tx } from "@/lib/db";
import { displayName } from "@/lib/users/schema";

export type AuditActor = { id: string; name: string; email: string } | { system: "import" | "command line" | "first-run setup" };
export type EntityType = "article" | "author" | "image" | "ingest-source" | "invitation" | "related-link" | "site-settings" | "user";

const MAX_VALUE = 200;
type Fields = Record<string, unknown>;

function shorten(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string" && value.length > MAX_VALUE) return `${value.slice(0, MAX_VALUE)}… (${value.length} characters)`;
  if (Array.isArray(value)) return value.map(shorten);
  return value;
}

/** Only what changed between two states, shortened for reading. */
export function changes(before: Fields | null, after: Fields | null): { before?: Fields; after?: Fields } {
  if (!before || !after) return { ...(before ? { before: mapValues(before) } : {}), ...(after ? { after: mapValues(after) } : {}) };
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  return { before: pick(before, keys), after: pick(after, keys) };
}

function mapValues(fields: Fields): Fields {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, shorten(v)]));
}
function pick(fields: Fields, keys: string[]): Fields {
  return Object.fromEntries(keys.map((k) => [k, shorten(fields[k])]));
}

/** Appends an audit event inside the caller's transaction: the change and its record commit together. */
export async function recordAudit(
  tx: Tx,
  actor: AuditActor,
  event: { entityType: EntityType; entityId: string; action: string; before?: Fields | null; after?: Fields | null },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      userId: "system" in actor ? null : actor.id,
      userLabel: "system" in actor ? actor.system : displayName(actor),
      entityType: event.entityType,
      entityId: event.entityId,
      action: event.action,
      summary: JSON.stringify(changes(event.before ?? null, event.after ?? null)),
    },
  });
}
