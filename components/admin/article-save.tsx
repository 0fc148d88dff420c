"use client";

import { createContext, Fragment, useActionState, useContext, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import Link from "@/components/ui/link";
import type { ArticleFormState, SavedArticle } from "@/lib/articles/form";
import type { ArticleStatus } from "@/lib/articles/schema";
import { StatusBadge } from "./status-badge";

/** The article as last saved: as the page opened it, or as the latest save here answered. */
export type SavedState = Pick<SavedArticle, "version" | "slug" | "shownStatus">;

type ArticleSave = {
  /** The save's latest answer; `unsaved` until the first. */
  state: ArticleFormState;
  unsaved: ArticleFormState;
  /**
   * The answer the form was started afresh after (a restore, a refresh): the form does not show it
   * again. Null while the form is the one the page opened with, which shows even an answer the
   * page came with (a save sent before the scripts ran).
   */
  answerBeforeForm: ArticleFormState | null;
  action: (formData: FormData) => void;
  pending: boolean;
  saved: SavedState;
};

const ArticleSaveContext = createContext<ArticleSave | null>(null);

export function useArticleSave(): ArticleSave {
  const value = useContext(ArticleSaveContext);
  if (!value) throw new Error("useArticleSave needs an ArticleSaveProvider");
  return value;
}

const savedVersionKey = (id: string) => `byline:saved-version:${id}`;

/**
 * The article's save, shared by the form and the page around it. A save answers with the new
 * version, status and address; the form keeps what is typed and the header's status and version
 * (below) take them from here. (A save that changes what readers see also brings the page rendered
 * again, for the version this form already holds.) Any other version arriving — a refresh, a
 * restore — starts the form afresh on it.
 */
export function ArticleSaveProvider({
  articleId,
  opened,
  save,
  children,
}: {
  articleId?: string;
  opened: SavedState;
  save: (previous: ArticleFormState, formData: FormData) => Promise<ArticleFormState>;
  children: React.ReactNode;
}) {
  const [unsaved] = useState<ArticleFormState>({});
  const [state, action, pending] = useActionState<ArticleFormState, FormData>(save, unsaved);
  const saved = state.saved && state.saved.version > opened.version ? state.saved : opened;
  const router = useRouter();
  const [form, setForm] = useState<{ version: number; answerBefore: ArticleFormState | null }>({
    version: opened.version,
    answerBefore: null,
  });
  if (opened.version !== form.version && opened.version !== state.saved?.version) setForm({ version: opened.version, answerBefore: state });

  // Back and forward show the page as the router kept it, from before the saves made here: opened
  // on a version older than one this tab saved, it is fetched again. Once, on opening.
  useEffect(() => {
    if (!articleId) return;
    const newest = Number(window.sessionStorage.getItem(savedVersionKey(articleId)) ?? 0);
    if (newest > opened.version) router.refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on opening only: saves made here raise the stored version
  }, []);
  useEffect(() => {
    if (articleId && state.saved) window.sessionStorage.setItem(savedVersionKey(articleId), String(state.saved.version));
    // The address said what the step before did (?saved=1, ?restored=3); a reload would say it again.
    if (state.saved && window.location.search) window.history.replaceState(window.history.state, "", window.location.pathname);
  }, [articleId, state.saved]);

  return (
    <ArticleSaveContext value={{ state, unsaved, answerBeforeForm: form.answerBefore, action, pending, saved }}>
      <Fragment key={form.version}>{children}</Fragment>
    </ArticleSaveContext>
  );
}

/** The header's status and version, as of the latest save. */
export function SavedStatus() {
  const { saved } = useArticleSave();
  return (
    <>
      <StatusBadge status={saved.shownStatus} />
      <span>Version {saved.version}</span>
    </>
  );
}

/** "View live", while readers can see the article. */
export function ViewLiveLink({ className }: { className: string }) {
  const { saved } = useArticleSave();
  if (saved.shownStatus !== ("PUBLISHED" satisfies ArticleStatus)) return null;
  return (
    <Link href={`/articles/${saved.slug}`} className={className}>
      View live
    </Link>
  );
}
