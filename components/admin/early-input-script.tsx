import { headers } from "next/headers";

/**
 * Until a workspace page hydrates, its fields are plain HTML: a reporter can already type, and
 * React's hydration then resets every textarea to the text the server rendered. This listener,
 * inline so it runs before the form is even parsed, keeps what is typed into a form marked
 * `data-keep-early-input` until the form takes it back (useEarlyInput).
 */
const KEEP_EARLY_INPUT = `document.addEventListener("input",function(e){var t=e.target,f=t&&t.form;if(!f||f.__earlyInputTaken||!f.hasAttribute("data-keep-early-input")||!t.name||t.type==="checkbox"||t.type==="radio"||t.type==="file")return;(f.__earlyInput=f.__earlyInput||{})[t.name]={value:t.value,start:t.selectionStart,end:t.selectionEnd}},true);`;

export async function EarlyInputScript() {
  // The workspace's Content-Security-Policy allows inline scripts only with this request's nonce.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: KEEP_EARLY_INPUT }} />;
}
