/** Browser storage in which the article form opens its body in the Markdown view (components/admin/body-view.ts). */
export function markdownViewState(origin: string) {
  return { cookies: [], origins: [{ origin, localStorage: [{ name: "byline:body-view", value: "markdown" }] }] };
}
