import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/admin/action-button";
import { DiffView } from "@/components/admin/diff-view";
import { utc } from "@/lib/dates";
import { buttonClass } from "@/components/ui/field";
import { getArticleForEditor, getRevision } from "@/lib/articles/queries";
import { requireStaffPage } from "@/lib/auth/session";
import { authorNames } from "@/lib/authors/queries";
import { diffLines } from "@/lib/articles/diff";
import { restoreRevisionAction } from "../../../actions";

export const metadata: Metadata = { title: "Compare revision" };

type Props = { params: Promise<{ id: string; version: string }> };

export default async function RevisionPage({ params }: Props) {
  const { id, version } = await params;
  const { actor } = await requireStaffPage(`/admin/articles/${id}/revisions/${version}`);
  const [article, revision] = await Promise.all([getArticleForEditor(actor, id), getRevision(actor, id, Number(version))]);
  if (!article || !revision) notFound();
  const old = revision.snapshot;
  const names = await authorNames(actor, old.authorIds);
  const fields: [string, string, string][] = [
    ["Headline", old.headline, article.headline],
    ["Slug", old.slug, article.slug],
    ["Standfirst", old.standfirst, article.standfirst],
    ["Body", old.body, article.body],
    ["Caption", old.caption, article.caption],
    ["Dateline", old.dateline, article.dateline],
    ["Source", old.source, article.source],
    [
      "Authors",
      old.authorIds.map((a) => names.get(a) ?? "(deleted author)").join("\n"),
      article.bylines.map((b) => b.author.name).join("\n"),
    ],
  ];
  const diffs = fields.map(([label, before, after]) => ({ label, lines: diffLines(before, after) }));
  const identical = diffs.every((d) => d.lines.every((l) => l.kind === "same"));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/admin/articles/${id}`} className="underline">
          ← Back to the article
        </Link>
      </p>
      <h1 className="mb-1 font-serif text-3xl font-bold">
        Revision {revision.version} compared with the current version {article.version}
      </h1>
      <p className="mb-4 text-sm text-muted">
        Saved {utc(revision.createdAt)} by {revision.by}. Lines marked − are in revision {revision.version} only; lines marked + are in the
        current version only.
      </p>
      {identical ? (
        <p className="mb-4">This revision&rsquo;s content is the same as the current version.</p>
      ) : (
        diffs.map((d) => <DiffView key={d.label} label={d.label} lines={d.lines} />)
      )}
      {revision.version !== article.version && (
        <div className="mt-4">
          <ActionButton
            action={restoreRevisionAction}
            fields={{ id, revision: revision.version, version: article.version }}
            label={`Restore revision ${revision.version}`}
            className={buttonClass}
          />
          <p className="mt-1 text-sm text-muted">
            Restoring saves this revision&rsquo;s text as a new version. Status, publish time and address stay as they are.
          </p>
        </div>
      )}
    </>
  );
}
