/** How an editor writes the body: rich text (the default) or Markdown. Remembered per browser. */
export type BodyView = "rich" | "markdown";

const KEY = "byline:body-view";

export function preferredBodyView(): BodyView {
  try {
    return window.localStorage.getItem(KEY) === "markdown" ? "markdown" : "rich";
  } catch {
    return "rich";
  }
}

export function rememberBodyView(view: BodyView) {
  try {
    window.localStorage.setItem(KEY, view);
  } catch {
    // Not remembered: the next page opens in rich text.
  }
}
