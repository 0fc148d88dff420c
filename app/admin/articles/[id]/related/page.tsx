import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleTabs } from "@/components/admin/article-tabs";
import { RelatedPanel } from "@/components/admin/related-panel";
import { getArticleForEditor } from "@/lib/articles/queries";
import { requireStaffPage } from "@/lib/auth/session";
import { relatedPanelData } from "@/lib/related-links/queries";
import * as related from "../../../related-links/actions";

export const metadata: Metadata = { title: "Related stories" };

const panelActions = {
  add: related.addRelatedLinkAction,
  attach: related.attachTargetAction,
  attachMatches: related.attachConfidentMatchesAction,
  remove: related.removeRelatedLinkAction,
  removeUnresolved: related.removeUnresolvedLinksAction,
  reorder: related.reorderRelatedLinksAction,
  setSwitch: related.setRelatedSwitchAction,
  updateLabel: related.updateLinkLabelAction,
};

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ link?: string }> };

export default async function RelatedStoriesPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { link } = await searchParams;
  const { actor, user } = await requireStaffPage(`/admin/articles/${id}/related`);
  const [article, panel] = await Promise.all([getArticleForEditor(actor, id), relatedPanelData(actor, id)]);
  if (!article || !panel) notFound();
  return (
    <>
      <ArticleTabs article={article} current="related" />
      <RelatedPanel actions={panelActions} articleId={article.id} canEdit={user.role === "ADMIN"} focusLinkId={link} {...panel} />
    </>
  );
}
