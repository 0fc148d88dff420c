import sharp from "sharp";

export const WORDMARK = { width: 600, height: 60 } as const;

const xmlEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The publication's name as a 600 × 60 PNG: the publisher logo search engines get until an admin
 * chooses one (Google asks every NewsArticle for one). Drawn from an SVG Byline writes itself.
 */
export async function wordmarkPng(name: string): Promise<Buffer> {
  const text = name.trim().slice(0, 60) || "News";
  // Serif bold runs about 0.62 em per character: shrink long names to fit the width.
  const fontSize = Math.max(14, Math.min(40, Math.floor((WORDMARK.width - 20) / (text.length * 0.62))));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WORDMARK.width}" height="${WORDMARK.height}"><rect width="100%" height="100%" fill="#ffffff"/><text x="10" y="${Math.round(WORDMARK.height / 2 + fontSize * 0.35)}" font-family="serif" font-weight="bold" font-size="${fontSize}" fill="#111111">${xmlEscape(text)}</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
