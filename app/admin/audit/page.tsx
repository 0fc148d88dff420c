import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { Fragment } from "react";
import { Pagination } from "@/components/ui/pagination";
import { utc } from "@/lib/dates";
import { buttonClass, inputClass } from "@/components/ui/field";
import { listAuditEvents } from "@/lib/audit/queries";
import { requireStaffPage } from "@/lib/auth/session";
import { parsePageNumber } from "@/lib/pagination";
import { listUsers } from "@/lib/users/queries";
import { displayName } from "@/lib/users/schema";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const { actor } = await requireStaffPage("/admin/audit", "audit:read");
  const params = await searchParams;
  const [log, users] = await Promise.all([
    listAuditEvents(actor, {
      userId: params.user,
      entityType: params.entity,
      from: params.from,
      to: params.to,
      page: parsePageNumber(params.page) ?? 1,
    }),
    listUsers(actor),
  ]);
  const href = (page: number) => `/admin/audit?${new URLSearchParams({ ...(params as Record<string, string>), page: String(page) })}`;
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Audit log</h1>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block font-semibold">User</span>
          <select name="user" defaultValue={params.user ?? ""} className={inputClass}>
            <option value="">Anyone</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {displayName(u)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-semibold">Entity</span>
          <select name="entity" defaultValue={params.entity ?? ""} className={inputClass}>
            <option value="">Any</option>
            {["article", "author", "invitation", "related-link", "user"].map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-semibold">From (UTC)</span>
          <input type="date" name="from" defaultValue={params.from} className={inputClass} />
        </label>
        <label className="text-sm">
          <span className="block font-semibold">To (UTC)</span>
          <input type="date" name="to" defaultValue={params.to} className={inputClass} />
        </label>
        <button type="submit" className={buttonClass}>
          Filter
        </button>
      </form>
      <p className="mb-2 text-sm text-muted">{log.total.toLocaleString("en")} events, newest first</p>
      <DataTable columns={["When", "Who", "What", "Change"]} stacked>
        {log.events.map((e) => (
          <tr key={e.id} className="border-b border-rule py-2 align-top sm:py-0" data-testid="audit-event">
            <td className="whitespace-nowrap py-1 pr-3">{utc(e.createdAt)}</td>
            <td className="pr-3">{e.who}</td>
            <td className="pr-3">
              {e.action} {e.entityType.replace("-", " ")}{" "}
              {e.subject.href ? (
                <Link href={e.subject.href} className="underline">
                  {e.subject.title}
                </Link>
              ) : (
                e.subject.title
              )}
            </td>
            <td>
              {e.changes.length > 0 && (
                <dl className="grid max-w-xl grid-cols-[auto_minmax(0,1fr)] gap-x-2 text-xs" data-testid="audit-changes">
                  {e.changes.map((c) => (
                    <Fragment key={c.field}>
                      <dt className="font-semibold">{c.field}</dt>
                      <dd className="[overflow-wrap:anywhere]">
                        {c.before ?? "—"} → {c.after ?? "—"}
                      </dd>
                    </Fragment>
                  ))}
                </dl>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      <Pagination page={log.page} pages={log.pages} hrefFor={href} labels={["Newer", "Older"]} />
    </>
  );
}
