import { headlineKey } from "@/lib/text";

/**
 * How alike a label and a headline are, from 0 to 1: the share of words they have in common
 * (Jaccard over folded words), so "Tunisia declares emergency" scores high against
 * "Tunisia declares state of emergency". Pure.
 */
export function headlineSimilarity(label: string, headline: string): number {
  const a = new Set(headlineKey(label).split(" ").filter(Boolean));
  const b = new Set(headlineKey(headline).split(" ").filter(Boolean));
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}
