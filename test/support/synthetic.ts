// Synthetic news documents in the seed format, for benchmarks. Deterministic for a given seed.
const WORDS =
  "government minister talks border army rebels city election court president protest economy oil market storm flood health vaccine school strike police trade summit sanctions ceasefire parliament budget refugees drought harvest bank inflation port railway airport bridge hospital village mayor coast river desert mountain".split(
    " ",
  );
const FIRST = "Amira Omar Lina Karim Sara Yusuf Nadia Hassan Leila Samir Maya Tariq Rana Ziad Huda Jamal Dina Fares Salma Adel".split(" ");
const LAST = "Haddad Mansour Khalil Nasser Saleh Aziz Farouk Daher Hamdan Rahal Sabbagh Issa Najjar Karam Zein".split(" ");
const PLACES = "CAIRO BEIRUT TUNIS AMMAN RABAT ALGIERS BAGHDAD DUBAI DOHA KHARTOUM".split(" ");

function authorName(n: number): string {
  const pair = `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length) % LAST.length]}`;
  const round = Math.floor(n / (FIRST.length * LAST.length));
  return round === 0 ? pair : `${pair} ${String.fromCharCode(65 + (round % 26))}${round >= 26 ? Math.floor(round / 26) : ""}.`;
}

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** `authorPool` distinct bylines to draw from (default: the 300 first × last name pairs). */
// A news-like vocabulary: the common words above plus 6,000 made-up ones, drawn with a skew so a few
// words are everywhere and most are rare, as in real text (full-text search depends on it).
const SYLLABLES = "ka ro mi tu se na li vo de pa zu ne ri mo sa ta ve lu ga fi".split(" ");
const RARE = Array.from(
  { length: 6000 },
  (_, i) =>
    SYLLABLES[i % 20] + SYLLABLES[Math.floor(i / 20) % 20] + (i >= 400 ? SYLLABLES[Math.floor(i / 400) % 20] : "") + (i >= 8000 ? "n" : ""),
);

export function syntheticDocuments(count: number, seed = 1, authorPool = FIRST.length * LAST.length): string[] {
  const next = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const word = () => (next() < 0.5 ? pick(WORDS) : RARE[Math.floor(next() ** 2 * RARE.length)]);
  const sentence = (words: number) => {
    const text = Array.from({ length: words }, word).join(" ");
    return text[0].toUpperCase() + text.slice(1);
  };
  const headlines = Array.from({ length: count }, (_, i) => `${sentence(7)} ${i}`);
  return headlines.map((headline, i) => {
    const authors = Array.from({ length: 1 + Math.floor(next() * 2) }, () => authorName(Math.floor(next() * authorPool)));
    const body = Array.from({ length: 8 + Math.floor(next() * 16) }, () => `${sentence(25)}.`);
    // Half the related labels name another synthetic article, so resolution has work to do.
    const related = Array.from({ length: 5 + Math.floor(next() * 10) }, () => (next() < 0.5 ? pick(headlines) : sentence(8)));
    const date = new Date(Date.UTC(2010, 0, 1) + i * 3_600_000).toISOString().slice(0, 10);
    return [
      `First Published: ${date}`,
      headline,
      `${sentence(18)}.`,
      ["Middle East Online", `By ${[...new Set(authors)].join(" and ")} – ${pick(PLACES)}`, `${sentence(9)}?`, ...body].join("\n\n"),
      related.filter((r) => r !== headline).join("\n\n"),
    ].join("\n\n\n");
  });
}
