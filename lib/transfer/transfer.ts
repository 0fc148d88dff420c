import "server-only";
import type { Db } from "@/lib/db";
import { describeFirstProblem, exportFileSchema } from "./schema";

/**
 * Lossless export and import of all content: articles (with bylines, related links, revisions
 * and old slugs), authors, and users without their password hashes. The file has no timestamp
 * of its own, so exporting the same content twice gives identical bytes.
 */
export const FORMAT = { format: "byline-export", version: 1 } as const;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function exportContent(db: Db) {
  const [users, authors, articles] = await Promise.all([
    db.user.findMany({
      orderBy: { id: "asc" },
      select: { id: true, email: true, name: true, role: true, disabled: true, createdAt: true, updatedAt: true },
    }),
    db.author.findMany({ orderBy: { id: "asc" } }),
    db.article.findMany({
      orderBy: { id: "asc" },
      include: {
        bylines: { orderBy: { position: "asc" }, select: { authorId: true, position: true } },
        relatedLinks: {
          orderBy: { position: "asc" },
          select: {
            id: true,
            position: true,
            label: true,
            labelKey: true,
            targetArticleId: true,
            url: true,
            createdAt: true,
            updatedAt: true,
          },
        },
        revisions: { orderBy: { version: "asc" }, select: { id: true, version: true, snapshot: true, userId: true, createdAt: true } },
        slugRedirects: { orderBy: { slug: "asc" }, select: { slug: true, createdAt: true } },
      },
    }),
  ]);
  return {
    ...FORMAT,
    users: users.map((u) => ({ ...u, createdAt: iso(u.createdAt), updatedAt: iso(u.updatedAt) })),
    authors: authors.map((a) => ({ ...a, createdAt: iso(a.createdAt), updatedAt: iso(a.updatedAt) })),
    articles: articles.map((a) => ({
      ...a,
      publishedAt: iso(a.publishedAt),
      modifiedAt: iso(a.modifiedAt),
      deletedAt: iso(a.deletedAt),
      createdAt: iso(a.createdAt),
      updatedAt: iso(a.updatedAt),
      relatedLinks: a.relatedLinks.map((l) => ({ ...l, createdAt: iso(l.createdAt), updatedAt: iso(l.updatedAt) })),
      revisions: a.revisions.map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
      slugRedirects: a.slugRedirects.map((s) => ({ ...s, createdAt: iso(s.createdAt) })),
    })),
  };
}
export type ExportFile = Awaited<ReturnType<typeof exportContent>>;

const date = (s: string | null) => (s ? new Date(s) : null);

/** Password hash of an imported user: matches no password, so an admin resets it before they sign in. */
export const NO_PASSWORD = "!imported-without-password";

export class InvalidExportError extends Error {}

/**
 * Loads an export into an empty database, in one transaction. Every record is validated first
 * (lib/transfer/schema.ts): the first bad one refuses the whole file, naming where it is.
 */
export async function importContent(db: Db, input: unknown): Promise<{ users: number; authors: number; articles: number }> {
  const format = input && typeof input === "object" ? (input as { format?: unknown; version?: unknown }) : {};
  if (format.format !== FORMAT.format || format.version !== FORMAT.version)
    throw new InvalidExportError(`not a ${FORMAT.format} version ${FORMAT.version} file`);
  const parsed = exportFileSchema.safeParse(input);
  if (!parsed.success) throw new InvalidExportError(`nothing imported: ${describeFirstProblem(parsed.error, input)}`);
  const file = parsed.data;
  return db.$transaction(
    async (tx) => {
      const existing = (await tx.article.count()) + (await tx.author.count()) + (await tx.user.count());
      if (existing > 0) throw new Error("the database is not empty: import:json loads into an empty database only");
      await tx.user.createMany({
        data: file.users.map((u) => ({ ...u, passwordHash: NO_PASSWORD, createdAt: date(u.createdAt)!, updatedAt: date(u.updatedAt)! })),
      });
      await tx.author.createMany({
        data: file.authors.map((a) => ({ ...a, createdAt: date(a.createdAt)!, updatedAt: date(a.updatedAt)! })),
      });
      await tx.article.createMany({
        data: file.articles.map(({ bylines: _b, relatedLinks: _l, revisions: _r, slugRedirects: _s, ...a }) => ({
          ...a,
          publishedAt: date(a.publishedAt),
          modifiedAt: date(a.modifiedAt),
          deletedAt: date(a.deletedAt),
          createdAt: date(a.createdAt)!,
          updatedAt: date(a.updatedAt)!,
        })),
      });
      await tx.byline.createMany({ data: file.articles.flatMap((a) => a.bylines.map((b) => ({ ...b, articleId: a.id }))) });
      await tx.revision.createMany({
        data: file.articles.flatMap((a) => a.revisions.map((r) => ({ ...r, articleId: a.id, createdAt: date(r.createdAt)! }))),
      });
      await tx.slugRedirect.createMany({
        data: file.articles.flatMap((a) => a.slugRedirects.map((s) => ({ ...s, articleId: a.id, createdAt: date(s.createdAt)! }))),
      });
      await tx.relatedLink.createMany({
        data: file.articles.flatMap((a) =>
          a.relatedLinks.map((l) => ({ ...l, articleId: a.id, createdAt: date(l.createdAt)!, updatedAt: date(l.updatedAt)! })),
        ),
      });
      return { users: file.users.length, authors: file.authors.length, articles: file.articles.length };
    },
    { timeout: 600_000, maxWait: 10_000 },
  );
}
