import type { FormState } from "@/lib/actions/form-state";
import { datetimeLocalValue } from "@/lib/dates";
import type { ConflictInfo } from "./mutations";
import type { EditorArticle } from "./queries";
import { editableTextOf } from "./snapshot";
import type { ArticleStatus } from "./schema";
import type { SaveOutcome } from "./policy";
import type { PublicImage } from "@/lib/media/urls";

// The article form's starting values and what its Server Action answers.

export type PickedAuthor = { id: string; name: string };

export type ArticleFormDefaults = {
  id?: string;
  version: number;
  headline: string;
  slug: string;
  standfirst: string;
  body: string;
  caption: string;
  dateline: string;
  source: string;
  status: ArticleStatus;
  publishedAt: string;
  authors: PickedAuthor[];
  leadImage: PickedImage | null;
};

/** A library image as the article form shows it: enough for a thumbnail and its alt text. */
export type PickedImage = PublicImage & { id: string; originalName: string };

/**
 * What a save did, for the editor's notice ("Published — view live. Version 4.") and for the form,
 * which stays as it is and takes the new version, status and publish time from here.
 */
export type SavedArticle = {
  version: number;
  outcome: SaveOutcome;
  slug: string;
  /** As stored (the form's select), and as the header shows it (a scheduled article whose time has come is published). */
  status: ArticleStatus;
  shownStatus: ArticleStatus;
  publishedAt: string | null;
};

export type ArticleFormState = FormState & { conflict?: ConflictInfo; saved?: SavedArticle };

export const emptyArticle: ArticleFormDefaults = {
  version: 0,
  headline: "",
  slug: "",
  standfirst: "",
  body: "",
  caption: "",
  dateline: "",
  source: "",
  status: "DRAFT",
  publishedAt: "",
  authors: [],
  leadImage: null,
};

export function defaultsOf(article: EditorArticle): ArticleFormDefaults {
  return {
    id: article.id,
    version: article.version,
    ...editableTextOf(article),
    status: article.status,
    publishedAt: datetimeLocalValue(article.publishedAt),
    authors: article.bylines.map((b) => ({ id: b.author.id, name: b.author.name })),
    leadImage: article.leadImage,
  };
}
