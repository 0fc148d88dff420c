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
    return { events, total, page, pages: pageCount(total, AUDIT_PAGE_SIZE) };
  },
);
