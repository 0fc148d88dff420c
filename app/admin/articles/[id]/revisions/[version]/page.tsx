import { redirect } from "next/navigation";
import { parsePageNumber } from "@/lib/pagination";

type Props = { params: Promise<{ id: string; version: string }> };

/** The old "compare with current" address: the history tab compares any two versions now. */
export default async function RevisionPage({ params }: Props) {
  const { id, version } = await params;
  const from = parsePageNumber(version);
  redirect(`/admin/articles/${encodeURIComponent(id)}/revisions${from ? `?from=${from}` : ""}`);
}
