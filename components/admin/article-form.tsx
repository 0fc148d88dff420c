"use client";

import { startTransition, useCallback, useEffect, useRef, useState } from "react";
import { buttonClass, Field, inputClass, secondaryButtonClass } from "@/components/ui/field";
import { fieldErrorsOf } from "@/lib/actions/form-state";
import { renderMarkdown } from "@/lib/articles/markdown";
import type { ArticleFormDefaults, ArticleFormState, PickedAuthor } from "@/lib/articles/form";
import { articleFormSchema, type INTENTS } from "@/lib/articles/schema";
import { UtcTimeInput } from "./local-time";
import { StatusOptions } from "./status-badge";
import { slugify } from "@/lib/text";
import { AuthorPicker } from "./author-picker";
import { ConflictPanel } from "./conflict-panel";
import { MarkdownToolbar } from "./markdown-toolbar";
import { ImagePicker } from "./image-picker";
import { BodyPicture, insertPictureMarkdown } from "./body-picture";
import { RichBody } from "./rich-body";
import { preferredBodyView, rememberBodyView, type BodyView } from "./body-view";
import { roundTrips } from "@/lib/articles/rich-markdown";
import { DraftStatusLine, useDraftKeeper } from "./draft-keeper";
import { useEarlyInput } from "./early-input";
import type { AutosaveState } from "@/lib/drafts/schema";
import { datetimeLocalValue } from "@/lib/dates";
import { useArticleSave } from "./article-save";
import { SaveNotice } from "./save-notice";

export function ArticleForm({
  defaults,
  restored = false,
  userId,
  autosave,
}: {
  defaults: ArticleFormDefaults;
  /** The form opened on restored unsaved text: leaving it warns, as after typing. */
  restored?: boolean;
  userId: string;
  autosave: (previous: AutosaveState, formData: FormData) => Promise<AutosaveState>;
}) {
  const { state: answer, answerBeforeForm, action, pending } = useArticleSave();
  // A save leaves the form as it is — what is typed meanwhile stays — and hands it the new
  // version, status and publish time. A refusal comes back with what was sent, to show again
  // (also when it came with the page: a save sent before the scripts ran). A form started
  // afresh (restored text) does not take an answer given before it.
  const fromSave = answer.ok ? answer.saved : undefined;
  const state: ArticleFormState = answer.ok || answer === answerBeforeForm ? {} : answer;
  const [clientErrors, setClientErrors] = useState<Partial<Record<string, string[]>> | null>(null);
  const typed = state.values;
  const v = (key: keyof ArticleFormDefaults & string) => typed?.[key] ?? String(defaults[key] ?? "");

  // Typed values first: a refusal that came with the page shows what was sent.
  const [body, setBody] = useState(typed?.body ?? defaults.body);
  const [headline, setHeadline] = useState(typed?.headline ?? defaults.headline);
  const [slug, setSlug] = useState(typed?.slug ?? defaults.slug);
  const [slugTouched, setSlugTouched] = useState(Boolean(defaults.id));
  const [authors, setAuthors] = useState<PickedAuthor[]>(defaults.authors);
  const [dirty, setDirty] = useState(restored);
  const [showPreview, setShowPreview] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const [submittedSlug, setSubmittedSlug] = useState<string | null>(null);
  // What each answer changes, once (React's pattern for adjusting state to new input).
  const [answerSeen, setAnswerSeen] = useState(answer);
  if (answer !== answerSeen) {
    setAnswerSeen(answer);
    // Refused: the text is not saved, and leaving warns again.
    if (!answer.ok) setDirty(true);
    // The address as saved, unless the editor has changed it since sending.
    if (fromSave && slug === submittedSlug) setSlug(fromSave.slug);
  }
  const versionRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  // What the form holds outside its inputs, as of the last change (state updates land later).
  const authorsNow = useRef(defaults.authors);
  const leadImageNow = useRef(defaults.leadImage);
  const keeper = useDraftKeeper({
    form: formRef,
    userId,
    articleId: defaults.id,
    extra: useCallback(() => ({ authors: authorsNow.current, leadImage: leadImageNow.current }), []),
    autosave,
  });
  const edited = () => {
    setDirty(true);
    keeper.changed();
  };
  useEarlyInput(formRef);
  // Saved with nothing typed since: no autosave is due, and no copy is kept to offer back later.
  useEffect(() => {
    if (fromSave && !dirty) keeper.saved();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per save's answer
  }, [fromSave]);

  // Rich text or Markdown: the editor's choice, remembered in this browser.
  const [view, setView] = useState<BodyView>("markdown");
  const [viewNote, setViewNote] = useState("");
  const [richGeneration, setRichGeneration] = useState(0);
  useEffect(() => {
    const preferred = preferredBodyView();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the preference is in localStorage, known only after hydration
    if (preferred === "rich" && roundTrips(defaults.body)) setView("rich");
    // Once, for the text the form opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function chooseView(choice: BodyView) {
    if (choice === "rich" && !roundTrips(body)) {
      setViewNote("This text uses Markdown the rich editor cannot show unchanged (a table, strikethrough, unusual escapes): edit it here.");
      return;
    }
    setViewNote("");
    rememberBodyView(choice);
    setRichGeneration((g) => g + 1);
    setView(choice);
  }

  function fromRichText(markdown: string) {
    // The hidden field first, so the kept draft reads the new text now, not after the next render.
    if (bodyRef.current) bodyRef.current.value = markdown;
    setBody(markdown);
    edited();
  }

  async function previewDraft() {
    await keeper.flush();
    window.open(`/admin/articles/draft-preview?${new URLSearchParams({ article: defaults.id ?? "new" })}`, "_blank", "noopener");
  }

  // Warn before leaving with unsaved changes (a new article's first save moves by navigation, which does not warn).
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    // In-app links navigate without unloading the page: ask before following one.
    const confirmLink = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (link && !link.closest("form") && !window.confirm("You have unsaved changes. Leave this page and lose them?")) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", warn);
    document.addEventListener("click", confirmLink, true);
    return () => {
      window.removeEventListener("beforeunload", warn);
      document.removeEventListener("click", confirmLink, true);
    };
  }, [dirty]);

  const errors = clientErrors ?? state.fieldErrors ?? {};

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    // One save at a time (IntentButton says so while one is on its way).
    if (pending) {
      event.preventDefault();
      return;
    }
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLElement | null;
    const formData = new FormData(event.currentTarget, submitter);
    const parsed = articleFormSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      event.preventDefault();
      setClientErrors(fieldErrorsOf(parsed.error));
      const first = Object.keys(fieldErrorsOf(parsed.error))[0];
      document.getElementById(`field-${first}`)?.focus();
      return;
    }
    setClientErrors(null);
    setDirty(false);
    setSubmittedSlug(slug);
    // Sent here rather than by the form's action, which would reset every field to what the page
    // opened with once the save is done: the form keeps what the editor has typed meanwhile. (The
    // form's action remains for a submit before the scripts have run.)
    event.preventDefault();
    startTransition(() => action(formData));
  }

  function overwrite() {
    if (!state.conflict || !versionRef.current || !formRef.current) return;
    versionRef.current.value = String(state.conflict.version);
    formRef.current.requestSubmit();
  }

  return (
    <form
      ref={formRef}
      action={action}
      onSubmit={onSubmit}
      onInput={edited}
      noValidate
      data-keep-early-input
      className="grid gap-6 lg:grid-cols-[1fr_20rem]"
    >
      <input type="hidden" name="id" value={defaults.id ?? ""} />
      <input
        ref={versionRef}
        type="hidden"
        name="version"
        defaultValue={typed?.version ?? String(fromSave?.version ?? defaults.version)}
        key={`v-${fromSave?.version ?? defaults.version}-${typed?.version}`}
      />
      <input type="hidden" name="authors" value={authors.map((a) => a.id).join("\n")} />

      <div>
        <DraftStatusLine status={keeper.status} />
        {(state.message || clientErrors) && (
          <p
            role="status"
            aria-live="polite"
            className="mb-4 rounded border border-accent p-3 font-semibold text-accent"
            data-testid="form-message"
          >
            {clientErrors ? "Some fields need attention." : state.message}
          </p>
        )}
        {state.conflict && <ConflictPanel conflict={state.conflict} mine={typed ?? {}} onOverwrite={overwrite} pending={pending} />}

        <Field label="Headline" name="headline" errors={errors.headline}>
          {(p) => (
            <input
              {...p}
              name="headline"
              value={headline}
              onChange={(e) => {
                setHeadline(e.target.value);
                if (!slugTouched) setSlug(slugify(e.target.value));
              }}
              className={`${inputClass} font-serif text-xl`}
            />
          )}
        </Field>
        <Field label="Slug" name="slug" errors={errors.slug} hint={`Address: /articles/${slug || "…"}`}>
          {(p) => (
            <input
              {...p}
              name="slug"
              value={slug}
              onChange={(e) => {
                setSlug(e.target.value);
                setSlugTouched(true);
              }}
              className={inputClass}
            />
          )}
        </Field>
        <Field label="Standfirst" name="standfirst" errors={errors.standfirst}>
          {(p) => <textarea {...p} name="standfirst" rows={2} defaultValue={v("standfirst")} className={inputClass} />}
        </Field>
        <Field
          label="Body"
          name="body"
          errors={errors.body}
          hint={
            view === "rich"
              ? "Paste from Google Docs, Word or the web: links, emphasis, headings and lists are kept."
              : "Markdown. Raw HTML is shown as text."
          }
        >
          {(p) => (
            <div>
              <div className="mb-1 flex flex-wrap items-center gap-2 text-sm" role="group" aria-label="Body view">
                {(["rich", "markdown"] as const).map((choice) => (
                  <button
                    key={choice}
                    type="button"
                    aria-pressed={view === choice}
                    onClick={() => chooseView(choice)}
                    className="rounded border border-rule px-2 py-0.5 aria-pressed:bg-ink aria-pressed:text-paper"
                  >
                    {choice === "rich" ? "Rich text" : "Markdown"}
                  </button>
                ))}
                {view === "markdown" && (
                  <button type="button" className="underline" aria-pressed={showPreview} onClick={() => setShowPreview(!showPreview)}>
                    {showPreview ? "Hide preview" : "Show preview"}
                  </button>
                )}
              </div>
              {viewNote && (
                <p role="status" className="mb-1 text-sm text-amber-900">
                  {viewNote}
                </p>
              )}
              {view === "rich" ? (
                <>
                  <RichBody key={richGeneration} markdown={body} labelledBy={`${p.id}-label`} onChange={fromRichText} />
                  {/* The form's value: what the rich text says, as Markdown. */}
                  <textarea ref={bodyRef} name="body" value={body} hidden readOnly />
                </>
              ) : (
                <>
                  <MarkdownToolbar textarea={bodyRef} onChange={setBody}>
                    <BodyPicture
                      onInsert={(image) => insertPictureMarkdown(bodyRef, image, setBody)}
                      onClose={() => bodyRef.current?.focus()}
                    />
                  </MarkdownToolbar>
                  <div className={showPreview ? "grid gap-3 md:grid-cols-2" : ""}>
                    <textarea
                      {...p}
                      ref={bodyRef}
                      name="body"
                      rows={18}
                      value={body}
                      onChange={(e) => setBody(e.target.value)}
                      className={`${inputClass} font-mono text-sm`}
                    />
                    {showPreview && (
                      <div
                        aria-label="Preview"
                        role="region"
                        className="prose-article max-h-[32rem] overflow-auto rounded border border-rule p-3 font-serif"
                        dangerouslySetInnerHTML={{ __html: renderMarkdown(body) }}
                      />
                    )}
                  </div>
                </>
              )}
            </div>
          )}
        </Field>
        <ImagePicker
          name="leadImageId"
          label="Lead picture"
          emptyText="No picture. Stories with one get it on the front page, in link previews and in Google News."
          initial={defaults.leadImage}
          errors={errors.leadImageId}
          onChange={(image) => {
            leadImageNow.current = image;
            edited();
          }}
        />
        <Field
          label="Caption"
          name="caption"
          errors={errors.caption}
          hint="Under the lead picture; left empty, the picture's own caption is used."
        >
          {(p) => <input {...p} name="caption" defaultValue={v("caption")} className={inputClass} />}
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Dateline" name="dateline" errors={errors.dateline}>
            {(p) => <input {...p} name="dateline" defaultValue={v("dateline")} className={inputClass} />}
          </Field>
          <Field label="Source" name="source" errors={errors.source}>
            {(p) => <input {...p} name="source" defaultValue={v("source")} className={inputClass} />}
          </Field>
        </div>
      </div>

      <aside className="space-y-4">
        <fieldset className="rounded border border-rule p-3">
          <legend className="px-1 text-sm font-semibold">Publishing</legend>
          <Field label="Status" name="status" errors={errors.status}>
            {(p) => (
              <select {...p} key={fromSave?.version} name="status" defaultValue={fromSave?.status ?? v("status")} className={inputClass}>
                <StatusOptions />
              </select>
            )}
          </Field>
          <Field
            label="Publish date and time (UTC)"
            name="publishedAt"
            errors={errors.publishedAt}
            hint="A future time with status Scheduled publishes then, by itself."
          >
            {(p) => (
              <UtcTimeInput
                {...p}
                key={fromSave?.version}
                name="publishedAt"
                defaultValue={fromSave ? datetimeLocalValue(fromSave.publishedAt) : v("publishedAt")}
                className={inputClass}
              />
            )}
          </Field>
          <div className="flex flex-wrap gap-2">
            <IntentButton intent="save" pending={pending} className={buttonClass}>
              Save
            </IntentButton>
            <IntentButton intent="publish" pending={pending} className={secondaryButtonClass}>
              Publish now
            </IntentButton>
            <button type="button" className={secondaryButtonClass} onClick={() => void previewDraft()}>
              Preview this text
            </button>
            {defaults.id && (
              <>
                <IntentButton intent="unpublish" pending={pending} className={secondaryButtonClass}>
                  Unpublish
                </IntentButton>
                <IntentButton intent="archive" pending={pending} className={secondaryButtonClass}>
                  Archive
                </IntentButton>
              </>
            )}
          </div>
          {/* Where the editor pressed: on a phone the notice at the top is out of view. */}
          {fromSave && (
            <p className="mt-2 text-sm text-green-900" data-testid="saved-here">
              <SaveNotice {...fromSave} />
            </p>
          )}
        </fieldset>
        <AuthorPicker
          authors={authors}
          onChange={(next) => {
            setAuthors(next);
            authorsNow.current = next;
            edited();
          }}
          errors={errors.authors}
        />
      </aside>
    </form>
  );
}

/**
 * A button that saves with an intent. While a save is on its way it says so with aria-disabled
 * rather than disabled, which would drop the keyboard focus from the button the editor pressed
 * (the form refuses a second save meanwhile).
 */
function IntentButton({
  intent,
  pending,
  className,
  children,
}: {
  intent: (typeof INTENTS)[number];
  pending: boolean;
  className: string;
  children: React.ReactNode;
}) {
  return (
    <button type="submit" name="intent" value={intent} className={`${className} aria-disabled:opacity-50`} aria-disabled={pending}>
      {children}
    </button>
  );
}
