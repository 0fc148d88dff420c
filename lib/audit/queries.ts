import "server-only";
import { authorized } from "@/lib/auth/actor";
import { db, type Prisma } from "@/lib/db";
import { pageCount, pageRows } from "@/lib/pagination";

export const AUDIT_PAGE_SIZE = 50;

export const listAuditEvents = authorized(
  "audit:read",
  async (_user, filter: { userId?: string; entityType?: string; from?: string; to?: string; page?: number }) => {
    const where: Prisma.AuditEventWhereInput = {};
    if (filter.userId) where.userId = filter.userId;
    if (filter.entityType) where.entityType = filter.entityType;
    const createdAt: Prisma.DateTimeFilter = {};
    if (filter.from && !Number.isNaN(Date.parse(filter.from))) createdAt.gte = new Date(`${filter.from.slice(0, 10)}T00:00:00Z`);
    if (filter.to && !Number.isNaN(Date.parse(filter.to)))
      createdAt.lt = new Date(new Date(`${filter.to.slice(0, 10)}T00:00:00Z`).getTime() + 86_400_000);
    if (createdAt.gte || createdAt.lt) where.createdAt = createdAt;
    const page = Math.max(1, filter.page ?? 1);
    const [events, total] = await Promise.all([
      db.auditEvent.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        ...pageRows(page, AUDIT_PAGE_SIZE),
      }),
      db.auditEvent.count({ where }),
    ]);
    return { events: await readable(events), total, page, pages: pageCount(total, AUDIT_PAGE_SIZE) };
  },
);

/** One field's change, as the log shows it: "headline: Old → New". */
export type FieldChange = { field: string; before: string | null; after: string | null };
export type ReadableEvent = {
  id: string;
  createdAt: Date;
  who: string;
  action: string;
  entityType: string;
  /** What was changed, by name (a headline, an author's or user's name, a link's label), and where to see it now. */
  subject: { title: string; href: string | null };
  changes: FieldChange[];
};

type Fields = Record<string, unknown>;

/** A stored value as words: ids as names, lists joined, times in UTC, empty as nothing, true/false as yes/no. */
function shown(value: unknown, names?: Map<string, string>): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (Array.isArray(value)) return value.length ? value.map((v) => shown(v, names) ?? "").join(", ") : null;
  if (typeof value === "boolean") return value ? "yes" : "no";
  const text = String(value);
  if (names?.has(text)) return names.get(text)!;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/.test(text)) return `${text.slice(0, 16).replace("T", " ")} UTC`;
  return text;
}

/** Fields whose values are ids, and whose names to show instead. */
const NAMED_BY: Record<string, "article" | "author"> = { targetArticleId: "article", authorIds: "author" };

/** Events with names instead of ids and each changed field before → after, in a few batched reads. */
async function readable(
  events: { id: string; createdAt: Date; userLabel: string; entityType: string; entityId: string; action: string; summary: string }[],
) {
  const parsed = events.map((e) => ({ ...e, diff: JSON.parse(e.summary) as { before?: Fields; after?: Fields } }));
  const idsOf = (type: string) => parsed.filter((e) => e.entityType === type).map((e) => e.entityId);
  const linkArticleIds = parsed
    .filter((e) => e.entityType === "related-link")
    .map((e) => String(e.diff.after?.articleId ?? e.diff.before?.articleId ?? ""))
    .filter(Boolean);
  const valuesOf = (field: string) =>
    parsed.flatMap((e) => [e.diff.before?.[field], e.diff.after?.[field]].flat()).filter((v): v is string => typeof v === "string");
  const [articles, authors, users] = await Promise.all([
    db.article.findMany({
      // A reorder is recorded against the article whose links it reorders.
      where: { id: { in: [...idsOf("article"), ...idsOf("related-link"), ...linkArticleIds, ...valuesOf("targetArticleId")] } },
      select: { id: true, headline: true },
    }),
    db.author.findMany({ where: { id: { in: [...idsOf("author"), ...valuesOf("authorIds")] } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: idsOf("user") } }, select: { id: true, name: true, email: true } }),
  ]);
  const headline = new Map(articles.map((a) => [a.id, a.headline]));
  const authorName = new Map(authors.map((a) => [a.id, a.name]));
  const userName = new Map(users.map((u) => [u.id, u.name || u.email]));
  return parsed.map((e): ReadableEvent => {
    const before = e.diff.before ?? {};
    const after = e.diff.after ?? {};
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    let subject: ReadableEvent["subject"];
    if (e.entityType === "article") {
      const title = headline.get(e.entityId) ?? shown(after.headline ?? before.headline) ?? "(deleted article)";
      subject = { title, href: headline.has(e.entityId) ? `/admin/articles/${e.entityId}` : null };
    } else if (e.entityType === "author") {
      subject = {
        title: authorName.get(e.entityId) ?? shown(after.name ?? before.name) ?? "(deleted author)",
        href: authorName.has(e.entityId) ? `/admin/authors/${e.entityId}` : null,
      };
    } else if (e.entityType === "invitation") {
      subject = { title: `invitation for ${shown(after.email ?? before.email) ?? "a new user"}`, href: "/admin/users" };
    } else if (e.entityType === "user") {
      subject = { title: userName.get(e.entityId) ?? "(deleted user)", href: "/admin/users" };
    } else {
      const owner = String(after.articleId ?? before.articleId ?? (headline.has(e.entityId) ? e.entityId : ""));
      const label = shown(after.label ?? before.label) ?? "the related stories";
      subject = {
        title: owner && headline.has(owner) ? `${label} on “${headline.get(owner)}”` : label,
        href: owner && headline.has(owner) ? `/admin/articles/${owner}/related` : null,
      };
    }
    return {
      id: e.id,
      createdAt: e.createdAt,
      who: e.userLabel,
      action: e.action,
      entityType: e.entityType,
      subject,
      changes: fields
        // The owning article is the subject already; a reorder's ids say nothing a reader can use.
        .filter((field) => field !== "articleId" && field !== "order")
        .map((field) => {
          const names = NAMED_BY[field] === "article" ? headline : NAMED_BY[field] === "author" ? authorName : undefined;
          return { field, before: shown(before[field], names), after: shown(after[field], names) };
        }),
    };
  });
}
