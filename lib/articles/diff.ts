/**
 * What changed between two versions of a text, for people: lines that stayed, went or came, and
 * within a line that was edited, the words that changed ("one-letter typo" shows as one word,
 * not as a whole paragraph removed and added). Pure.
 */
export type DiffPart = { kind: "same" | "added" | "removed"; text: string };
export type DiffRow = DiffPart | { kind: "changed"; parts: DiffPart[] };

/** Beyond this many comparisons, a text is shown as replaced rather than aligned: the page must not hang. */
const MAX_CELLS = 4_000_000;

/** The longest-common-subsequence alignment of two token lists. */
function align(a: string[], b: string[]): DiffPart[] {
  if (a.length * b.length > MAX_CELLS) {
    return [...a.map((text) => ({ kind: "removed" as const, text })), ...b.map((text) => ({ kind: "added" as const, text }))];
  }
  const lcs: Uint32Array[] = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: "same", text: a[i] });
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) out.push({ kind: "removed", text: a[i++] });
    else out.push({ kind: "added", text: b[j++] });
  }
  while (i < a.length) out.push({ kind: "removed", text: a[i++] });
  while (j < b.length) out.push({ kind: "added", text: b[j++] });
  return out;
}

/** A word diff of one edited line: words and the spaces between them, neighbours of a kind joined. */
export function diffWords(before: string, after: string): DiffPart[] {
  const tokens = (s: string) => s.split(/(\s+)/).filter(Boolean);
  const parts: DiffPart[] = [];
  for (const part of align(tokens(before), tokens(after))) {
    const last = parts.at(-1);
    if (last?.kind === part.kind) last.text += part.text;
    else parts.push({ ...part });
  }
  return parts;
}

/**
 * A line diff in which each removed line that an added line replaced (paired in order within a
 * run of changes) becomes one "changed" row with its words compared.
 */
export function diffText(before: string, after: string): DiffRow[] {
  const lines = align(before === "" ? [] : before.split("\n"), after === "" ? [] : after.split("\n"));
  const rows: DiffRow[] = [];
  for (let k = 0; k < lines.length;) {
    if (lines[k].kind === "same") {
      rows.push(lines[k++]);
      continue;
    }
    const removed: string[] = [];
    const added: string[] = [];
    for (; k < lines.length && lines[k].kind !== "same"; k++) (lines[k].kind === "removed" ? removed : added).push(lines[k].text);
    const paired = Math.min(removed.length, added.length);
    for (let p = 0; p < paired; p++) rows.push({ kind: "changed", parts: diffWords(removed[p], added[p]) });
    for (const text of removed.slice(paired)) rows.push({ kind: "removed", text });
    for (const text of added.slice(paired)) rows.push({ kind: "added", text });
  }
  return rows;
}

export const isUnchanged = (rows: DiffRow[]) => rows.every((row) => row.kind === "same");
