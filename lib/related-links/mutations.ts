import "server-only";
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { authorized, type StaffUser } from "@/lib/auth/actor";
import { invalidateReaderPages } from "@/lib/cache";
import { headlineKey } from "@/lib/text";
import { CONFIDENT_MATCH, RELATED_SWITCHES, type RelatedSwitch } from "./policy";
import { confidentMatches } from "./matching";

// The one write path for related-story links: each function takes the actor and checks that it
// may curate (admins) before anything else.
// Each change is one transaction with its audit record, then reader pages expire.

export type LinkResult = { ok: true; message?: string } | { ok: false; message: string };
const GONE: LinkResult = { ok: false, message: "That link or article no longer exists. Reload the page." };

/** One transaction; `owners` collects the articles whose related stories it changed, re-rendered after. */
async function change(fn: (tx: Tx, owners: Set<string>) => Promise<LinkResult>): Promise<LinkResult> {
  const owners = new Set<string>();
  const result = await db.$transaction((tx) => fn(tx, owners));
  if (result.ok) await invalidateReaderPages({ paths: await ownerPaths(owners) });
  return result;
}

/** The owners' own pages only: a link changes what an article shows, not what it is. */
async function ownerPaths(owners: Set<string>): Promise<string[]> {
  const rows = await db.article.findMany({ where: { id: { in: [...owners] } }, select: { slug: true } });
  return rows.map((r) => `/articles/${r.slug}`);
}

/** Rewrites positions 0..n-1 in the given order (two passes: positions are unique per article). */
async function writeOrder(tx: Tx, ids: string[]) {
  for (const [i, id] of ids.entries()) await tx.relatedLink.update({ where: { id }, data: { position: -1 - i } });
  for (const [i, id] of ids.entries()) await tx.relatedLink.update({ where: { id }, data: { position: i } });
}

const ALREADY_LINKED: LinkResult = { ok: false, message: "That story is already a related story of this article." };

/** Whether the article already links to the target (by another link than `exceptLinkId`). */
async function alreadyLinked(tx: Tx, articleId: string, targetArticleId: string, exceptLinkId?: string) {
  const found = await tx.relatedLink.findFirst({
    where: { articleId, targetArticleId, ...(exceptLinkId ? { id: { not: exceptLinkId } } : {}) },
    select: { id: true },
  });
  return found !== null;
}

async function liveArticle(tx: Tx, id: string) {
  return tx.article.findFirst({ where: { id, deletedAt: null }, select: { id: true, headline: true } });
}

export const addRelatedLink = authorized(
  "related-links:curate",
  async (user, input: { articleId: string; label: string; targetArticleId: string; url: string }) => {
    return change(async (tx, owners) => {
      owners.add(input.articleId);
      if (!(await liveArticle(tx, input.articleId))) return GONE;
      const target = input.targetArticleId ? await liveArticle(tx, input.targetArticleId) : null;
      if (input.targetArticleId && (!target || target.id === input.articleId))
        return { ok: false, message: "Choose another article to link to." };
      if (target && (await alreadyLinked(tx, input.articleId, target.id))) return ALREADY_LINKED;
      const label = input.label || target?.headline || input.url;
      const last = await tx.relatedLink.findFirst({
        where: { articleId: input.articleId },
        orderBy: { position: "desc" },
        select: { position: true },
      });
      const link = await tx.relatedLink.create({
        data: {
          articleId: input.articleId,
          position: (last?.position ?? -1) + 1,
          label,
          labelKey: headlineKey(label),
          targetArticleId: target?.id ?? null,
          url: input.url || null,
        },
      });
      await recordAudit(tx, user, {
        entityType: "related-link",
        entityId: link.id,
        action: "add",
        after: { articleId: input.articleId, label, targetArticleId: link.targetArticleId, url: link.url },
      });
      return { ok: true };
    });
  },
);

export const updateLinkLabel = authorized("related-links:curate", async (user, linkId: string, label: string) => {
  return change(async (tx, owners) => {
    const link = await tx.relatedLink.findUnique({ where: { id: linkId }, select: { label: true, articleId: true } });
    if (!link) return GONE;
    owners.add(link.articleId);
    await tx.relatedLink.update({ where: { id: linkId }, data: { label, labelKey: headlineKey(label) } });
    await recordAudit(tx, user, {
      entityType: "related-link",
      entityId: linkId,
      action: "label",
      before: { label: link.label },
      after: { label },
    });
    return { ok: true };
  });
});

export const attachTarget = authorized("related-links:curate", async (user, linkId: string, targetArticleId: string) => {
  return change(async (tx, owners) => {
    const link = await tx.relatedLink.findUnique({ where: { id: linkId }, select: { articleId: true, targetArticleId: true, url: true } });
    const target = await liveArticle(tx, targetArticleId);
    if (!link || !target) return GONE;
    owners.add(link.articleId);
    if (target.id === link.articleId) return { ok: false, message: "An article cannot be related to itself." };
    if (await alreadyLinked(tx, link.articleId, target.id, linkId)) return ALREADY_LINKED;
    await tx.relatedLink.update({ where: { id: linkId }, data: { targetArticleId: target.id, url: null } });
    await recordAudit(tx, user, {
      entityType: "related-link",
      entityId: linkId,
      action: "attach",
      before: link,
      after: { targetArticleId: target.id, url: null },
    });
    return { ok: true };
  });
});

type RemovedLink = { id: string; articleId: string; label: string; targetArticleId: string | null; url: string | null };
const removedSelect = { id: true, articleId: true, label: true, targetArticleId: true, url: true } as const;

/** Deletes the links, closes the gaps they leave in each article's order, and records each removal. */
async function removeLinks(tx: Tx, user: StaffUser, links: RemovedLink[], owners: Set<string>) {
  for (const link of links) owners.add(link.articleId);
  await tx.relatedLink.deleteMany({ where: { id: { in: links.map((l) => l.id) } } });
  for (const articleId of new Set(links.map((l) => l.articleId))) {
    const rest = await tx.relatedLink.findMany({ where: { articleId }, orderBy: { position: "asc" }, select: { id: true } });
    await writeOrder(
      tx,
      rest.map((r) => r.id),
    );
  }
  for (const { id, ...before } of links)
    await recordAudit(tx, user, { entityType: "related-link", entityId: id, action: "remove", before });
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

export const removeRelatedLink = authorized("related-links:curate", async (user, linkId: string) => {
  return change(async (tx, owners) => {
    const link = await tx.relatedLink.findUnique({ where: { id: linkId }, select: removedSelect });
    if (!link) return GONE;
    await removeLinks(tx, user, [link], owners);
    return { ok: true, message: `Removed “${link.label}”.` };
  });
});

/** The report's bulk removal: the links that still exist go, across articles; the rest are counted. */
export const removeRelatedLinks = authorized("related-links:curate", async (user, linkIds: string[]) => {
  return change(async (tx, owners) => {
    const links = await tx.relatedLink.findMany({ where: { id: { in: linkIds } }, select: removedSelect });
    if (links.length === 0) return GONE;
    await removeLinks(tx, user, links, owners);
    const gone = linkIds.length - links.length;
    return {
      ok: true,
      message: `Removed ${plural(links.length, "link")}.${gone ? ` ${plural(gone, "link was", "links were")} already gone.` : ""}`,
    };
  });
});

/** "Remove all unresolved": every label of the article that leads nowhere. */
export const removeUnresolvedLinks = authorized("related-links:curate", async (user, articleId: string) => {
  return change(async (tx, owners) => {
    const links = await tx.relatedLink.findMany({ where: { articleId, targetArticleId: null, url: null }, select: removedSelect });
    if (links.length === 0) return { ok: false, message: "This article has no unresolved labels left." };
    await removeLinks(tx, user, links, owners);
    return { ok: true, message: `Removed ${plural(links.length, "unresolved label")}.` };
  });
});

/**
 * "Attach all matches": each unresolved label goes to its best-matching live article when that
 * one is at least CONFIDENT_MATCH alike and not already a related story of the article. The search
 * runs before the transaction; inside it, every link and target is checked again.
 */
export const attachConfidentMatches = authorized("related-links:curate", async (user, articleId: string) => {
  const matches = await confidentMatches(articleId);
  if (matches.length === 0)
    return { ok: false, message: `No unresolved label has a match ${Math.round(CONFIDENT_MATCH * 100)} % alike or more.` };
  return change(async (tx, owners) => {
    owners.add(articleId);
    const taken = new Set(
      (await tx.relatedLink.findMany({ where: { articleId, targetArticleId: { not: null } }, select: { targetArticleId: true } })).map(
        (l) => l.targetArticleId,
      ),
    );
    let attached = 0;
    for (const { linkId, target } of matches) {
      const link = await tx.relatedLink.findFirst({
        where: { id: linkId, articleId, targetArticleId: null, url: null },
        select: { label: true },
      });
      if (!link || taken.has(target.id) || !(await liveArticle(tx, target.id))) continue;
      await tx.relatedLink.update({ where: { id: linkId }, data: { targetArticleId: target.id } });
      await recordAudit(tx, user, {
        entityType: "related-link",
        entityId: linkId,
        action: "attach",
        before: { articleId, targetArticleId: null, url: null },
        after: { targetArticleId: target.id, url: null },
      });
      taken.add(target.id);
      attached++;
    }
    if (attached === 0) return { ok: false, message: "Those matches are already related stories of this article." };
    const left = matches.length - attached;
    return {
      ok: true,
      message: `Attached ${plural(attached, "label")} to ${attached === 1 ? "a matching article" : "matching articles"}.${left ? ` ${plural(left, "match was", "matches were")} already linked.` : ""}`,
    };
  });
});

/** Puts an article's links in the given order; the list must name exactly its links. */
export const reorderRelatedLinks = authorized("related-links:curate", async (user, articleId: string, order: string[]) =>
  reorder(user, articleId, order),
);

function reorder(user: StaffUser, articleId: string, order: string[]) {
  return change(async (tx, owners) => {
    owners.add(articleId);
    const links = await tx.relatedLink.findMany({ where: { articleId }, orderBy: { position: "asc" }, select: { id: true } });
    const current = links.map((l) => l.id);
    if (order.length !== current.length || new Set(order).size !== order.length || !order.every((id) => current.includes(id))) {
      return { ok: false, message: "The links changed meanwhile. Reload the page and try again." };
    }
    await writeOrder(tx, order);
    await recordAudit(tx, user, {
      entityType: "related-link",
      entityId: articleId,
      action: "reorder",
      before: { order: current },
      after: { order },
    });
    return { ok: true };
  });
}

export const moveRelatedLink = authorized("related-links:curate", async (user, linkId: string, direction: "up" | "down") => {
  const link = await db.relatedLink.findUnique({ where: { id: linkId }, select: { articleId: true } });
  if (!link) return GONE;
  const ids = (
    await db.relatedLink.findMany({ where: { articleId: link.articleId }, orderBy: { position: "asc" }, select: { id: true } })
  ).map((l) => l.id);
  const from = ids.indexOf(linkId);
  const to = direction === "up" ? from - 1 : from + 1;
  if (to < 0 || to >= ids.length) return { ok: true } as LinkResult;
  [ids[from], ids[to]] = [ids[to], ids[from]];
  return reorder(user, link.articleId, ids);
});

/** Switches curated links or automatic suggestions on or off for readers of one article. */
export const setRelatedSwitch = authorized(
  "related-links:curate",
  async (user, articleId: string, which: RelatedSwitch, enabled: boolean) => {
    const { column, on, off } = RELATED_SWITCHES[which];
    return change(async (tx, owners) => {
      owners.add(articleId);
      const updated = await tx.article.updateMany({ where: { id: articleId, deletedAt: null }, data: { [column]: enabled } });
      if (updated.count === 0) return GONE;
      await recordAudit(tx, user, { entityType: "article", entityId: articleId, action: enabled ? on : off, after: { [column]: enabled } });
      return { ok: true };
    });
  },
);
