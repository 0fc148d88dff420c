import { STATUS_LABELS, type ArticleStatus } from "@/lib/articles/schema";

const STYLES = {
  DRAFT: "bg-rule text-ink",
  SCHEDULED: "bg-amber-100 text-amber-900",
  PUBLISHED: "bg-green-100 text-green-900",
  ARCHIVED: "bg-gray-200 text-gray-800",
} as const;

export function StatusBadge({ status }: { status: ArticleStatus }) {
  return <span className={`rounded px-2 py-0.5 text-xs font-semibold ${STYLES[status]}`}>{STATUS_LABELS[status]}</span>;
}
