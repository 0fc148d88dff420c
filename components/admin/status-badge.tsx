import { STATUS_LABELS, STATUSES, type ArticleStatus } from "@/lib/articles/schema";

const STYLES = {
  DRAFT: "bg-rule text-ink",
  SCHEDULED: "bg-amber-100 text-amber-900",
  PUBLISHED: "bg-green-100 text-green-900",
  ARCHIVED: "bg-gray-200 text-gray-800",
} as const;

export function StatusBadge({ status }: { status: ArticleStatus }) {
  return <span className={`rounded px-2 py-0.5 text-xs font-semibold ${STYLES[status]}`}>{STATUS_LABELS[status]}</span>;
}

/** The statuses as <option>s, in workflow order. */
export function StatusOptions() {
  return STATUSES.map((s) => (
    <option key={s} value={s}>
      {STATUS_LABELS[s]}
    </option>
  ));
}
