// `npm run test:load [-- --short] [-- --crash] [-- --control]`: readers hammer article, front, search and feed
// pages while editors save and publish continuously in real Chromium, against a production server
// on localhost. Passes when no reader got a 5xx and every acknowledged save is in the revision
// history, in order. Prints throughput and latency; asserts no timing.
// With --control, phases with the editors idle alternate with phases with them saving, and the
// two are compared.
// With --crash, the server is killed with SIGKILL halfway through (once a save has been
// acknowledged), while editors are saving, and restarted: every article must then be whole at one
// version and every acknowledged save still there.
// With --own-cpu (on Linux, with two or more CPUs), the editors' browsers and the automation driving
// them run on the last CPU and the server and readers on the others, as in production, where
// editors' browsers are on their own machines: what saving costs readers is then the server's work
// alone. With --save-every=SECONDS, each editor saves that often, typing in between. With
// --reader-rate=N, the readers send N requests a second between them, on a timetable, instead of
// each asking again as soon as answered.
// The readers run in a process of their own (load-readers.mjs).
// Needs a production build (`npm run build`) and a migrated database at DATABASE_URL.
import { execFileSync, fork, spawn, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { chromium, type Page } from "@playwright/test";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { headlineKey } from "@/lib/text";
import { runCli } from "@/scripts/cli";
import { markdownViewState } from "../../e2e/support/body-view";
import { averageSplit, describeSplit, startCpuSplit, type CpuSplit } from "./cpu-split";

const short = process.argv.includes("--short");
const crash = process.argv.includes("--crash");
// --control: the same readers, with the same editors' browsers open and typing but never saving
// (the reference), then saving, in alternating phases; both are printed, with the ratio (the cost
// of the editors' saves). Alternating keeps the machine's drift (its speed swings by half over
// minutes here) out of the ratio.
const control = process.argv.includes("--control") && !crash;
const ownCpu = process.argv.includes("--own-cpu");
const CONTROL_ROUNDS = 3;
const seconds = short ? 8 : 30;
const readers = short ? 8 : 50;
const editors = short ? 2 : 4;
const WARM_UP_SECONDS = 5;
// --save-every=SECONDS: each editor saves that often, typing a change every TYPING_MS in between
// (issue 14's "every editor saving every few seconds"); 0, the default, saves back to back.
const saveEveryMs = 1000 * Number(process.argv.find((a) => a.startsWith("--save-every="))?.slice("--save-every=".length) ?? 0);
if (!Number.isFinite(saveEveryMs) || saveEveryMs < 0) throw new Error("--save-every needs a number of seconds");
const TYPING_MS = 500;
// --reader-rate=N: the readers together send N requests a second on a timetable (an open loop, as
// a site's readers arrive) instead of each asking again as soon as answered (load-readers.mjs).
const readerRate = Number(process.argv.find((a) => a.startsWith("--reader-rate="))?.slice("--reader-rate=".length) ?? 0);
if (!Number.isFinite(readerRate) || readerRate < 0) throw new Error("--reader-rate needs a number of requests a second");
const port = Number(process.env.LOAD_PORT ?? 3218);
const base = `http://127.0.0.1:${port}`;

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * With --own-cpu: this process (the editors' automation) and so the browsers it launches go to the
 * last CPU; `serverCpus` are the others, for the server and the readers (`pinToServerCpus`).
 */
function placeProcesses(): { serverCpus: string | null; placement: string } {
  if (!ownCpu) return { serverCpus: null, placement: "" };
  const cpus = availableParallelism();
  if (cpus < 2) throw new Error("--own-cpu needs two or more CPUs");
  const last = cpus - 1;
  execFileSync("taskset", ["--all-tasks", "--cpu-list", "--pid", String(last), String(process.pid)], { stdio: "ignore" });
  return {
    serverCpus: `0-${last - 1}`,
    placement: `, editors' browsers and automation on CPU ${last}, server and readers on CPU${last > 1 ? "s" : ""} 0${last > 1 ? `-${last - 1}` : ""}`,
  };
}
const { serverCpus, placement } = placeProcesses();

function pinToServerCpus(pid: number) {
  if (serverCpus) execFileSync("taskset", ["--all-tasks", "--cpu-list", "--pid", serverCpus, String(pid)], { stdio: "ignore" });
}

async function startServer() {
  const server = spawn("node", ["server.mjs", "-H", "127.0.0.1", "-p", String(port)], {
    env: { ...process.env, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "load-test-secret", NEXTAUTH_URL: base, NODE_OPTIONS: "" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  pinToServerCpus(server.pid!);
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/`)).ok) return server;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the server did not start");
}

function percentile(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
}

type ReaderStats = { latencies: number[]; statuses: Map<number, number>; byPath: Map<string, number[]> };
const readerStats = (): ReaderStats => ({ latencies: [], statuses: new Map(), byPath: new Map() });

/** The readers' process (test/support/load-readers.mjs), on the server's CPUs with --own-cpu. */
function startReaders(paths: string[]): ChildProcess {
  const child = fork(join(import.meta.dirname, "load-readers.mjs"), [JSON.stringify({ base, paths, readers, rate: readerRate })], {
    execArgv: [],
  });
  pinToServerCpus(child.pid!);
  return child;
}

/** Sets the readers going; `stop` ends them and adds what they saw to `into`. */
function read(child: ChildProcess, into: ReaderStats): { stop(): Promise<void> } {
  child.send("start");
  let stopped: Promise<void> | undefined;
  return {
    stop: () =>
      (stopped ??= new Promise<void>((resolve) => {
        child.once("message", (message) => {
          const { statuses, byPath } = message as {
            statuses: Record<string, number>;
            byPath: Record<string, number[]>;
          };
          for (const [path, times] of Object.entries(byPath)) {
            into.byPath.set(path, [...(into.byPath.get(path) ?? []), ...times]);
            for (const latency of times) into.latencies.push(latency);
          }
          for (const [status, count] of Object.entries(statuses))
            into.statuses.set(Number(status), (into.statuses.get(Number(status)) ?? 0) + count);
          resolve();
        });
        child.send("stop");
      })),
  };
}

let killed = false;
let announceKill = () => {};
/** Settles when the crash run kills the server: a save in flight then can never be acknowledged. */
const killedNow = new Promise<void>((resolve) => (announceKill = resolve));

/** How long each acknowledged save took, click to acknowledgement: the idle editors pause as long. */
const saveMilliseconds: number[] = [];
const typicalSaveMilliseconds = () =>
  saveMilliseconds.length
    ? percentile(
        [...saveMilliseconds].sort((a, b) => a - b),
        50,
      )
    : 300;

/**
 * The version the editor's notice reports once it is newer than `after`. The page is checked when
 * it changes (a MutationObserver), not on a timer: Playwright's waitForFunction polling ten times
 * a second cost the editors' browsers, and so the readers sharing the machine, CPU no real editor
 * spends.
 */
async function versionShown(page: Page, after: number): Promise<number> {
  // As source text: tsx would name the inner functions with a helper the page does not have.
  const shown = page.evaluate<number>(`new Promise((resolve) => {
    const check = () => {
      const match = document.querySelector('[data-testid="notice"]')?.textContent?.match(/Version (\\d+)\\./);
      if (!match || Number(match[1]) <= ${Number(after)}) return;
      observer.disconnect();
      resolve(Number(match[1]));
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    check();
  })`);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no version after ${after} was acknowledged in 15 s`)), 15_000);
  });
  try {
    return await Promise.race([shown, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The body field in the Markdown view, by CSS: role and label queries cost the browser more than an editor's typing does. */
const BODY_FIELD = 'textarea[name="body"]:not([hidden])';
const INTENT_BUTTON = (intent: "save" | "publish") => `button[name="intent"][value="${intent}"]`;

/**
 * One editor for as long as `until`: types, then saves (every fifth time with "Publish now"), again
 * and again. With `saveEveryMs`, the editor types a change every TYPING_MS and saves when the save is
 * due; without, saves follow each other at once. Idle (`saving` false), the same editor types at
 * the same pace and pauses as long as a save takes instead of saving.
 */
async function editorLoop(
  page: Page,
  articleId: string,
  until: number,
  acks: { version: number; body: string }[],
  { saving = true, saveEveryMs = 0, counter = { n: 0 } }: { saving?: boolean; saveEveryMs?: number; counter?: { n: number } } = {},
) {
  await page.goto(`${base}/admin/articles/${articleId}`);
  // Playwright's fill selects the old text, then inserts: when hydration lands between the two,
  // React rewrites the field, the selection is lost and the new text lands before the old. A
  // simulated editor starts once the page is quiet (what a person types earlier is kept anyway).
  await page.waitForLoadState("networkidle");
  const field = page.locator(BODY_FIELD);
  const type = async (text: string) => {
    await field.fill(text);
    // networkidle says nothing of the CPU: on a busy one, hydration can still straddle the first fill.
    while ((await field.inputValue()) !== text) await field.fill(text);
  };
  while (Date.now() < until && !killed) {
    const n = ++counter.n;
    const due = Date.now() + saveEveryMs;
    for (let keystroke = 1; Date.now() + TYPING_MS < Math.min(due, until) && !killed; keystroke++) {
      await type(`Load edit ${n}, typing ${keystroke}.`);
      await page.waitForTimeout(TYPING_MS);
    }
    const body = `Load edit ${n} at ${Date.now()}.`;
    await type(body);
    if (!saving) {
      // The control: the editor pauses as long as a save takes (the median so far) and never
      // saves, so both phases type at the same pace.
      await page.waitForTimeout(typicalSaveMilliseconds());
      continue;
    }
    const clicked = performance.now();
    await page.locator(INTENT_BUTTON(n % 5 === 0 ? "publish" : "save")).click();
    // The save is acknowledged when the page reports a version newer than the last one.
    const previous = acks.at(-1)?.version ?? 0;
    try {
      const acknowledged = versionShown(page, previous);
      const version = await Promise.race([acknowledged, killedNow.then(() => null)]);
      if (version === null) {
        acknowledged.catch(() => {}); // abandoned: it fails when the browser closes
        return;
      }
      acks.push({ version, body });
      saveMilliseconds.push(performance.now() - clicked);
    } catch (error) {
      if (killed) return; // the save in flight when the server died was never acknowledged
      throw error;
    }
  }
}

async function main() {
  const seedSlug = (
    await db.article.findFirst({ where: { status: "PUBLISHED" }, orderBy: { publishedAt: "desc" }, select: { slug: true } })
  )?.slug;
  if (!seedSlug) throw new Error("the database has no published article: run the seed first");
  const paths = [`/articles/${seedSlug}`, "/", "/search?q=france", "/feed.xml", "/api/articles"];

  const passwordHash = await hashPassword("load test passphrase");
  const stamp = Date.now().toString(36);
  const setups = await Promise.all(
    Array.from({ length: editors }, async (_, i) => {
      const user = await db.user.create({
        data: { email: `load-${stamp}-${i}@example.test`, name: `Load ${i}`, role: "EDITOR", passwordHash },
      });
      const headline = `Load test story ${stamp} ${i}`;
      const article = await db.article.create({
        data: {
          slug: `load-${stamp}-${i}`,
          headline,
          headlineKey: headlineKey(headline),
          body: "Start.",
          // Live from the start: every save is an edit readers could see, the case that costs them.
          status: "PUBLISHED",
          publishedAt: new Date(),
          revisions: { create: { version: 1, snapshot: JSON.stringify({ body: "Start." }) } },
        },
      });
      return { user, article };
    }),
  );

  let server = await startServer();
  const readersProcess = startReaders(paths);
  const browser = await chromium.launch({ executablePath: chromiumPath });
  try {
    const pages = await Promise.all(
      setups.map(async ({ user }) => {
        const page = await (await browser.newContext({ storageState: markdownViewState(base) })).newPage();
        const csrf = await (await page.request.get(`${base}/api/auth/csrf`)).json();
        await page.request.post(`${base}/api/auth/callback/credentials`, {
          form: { csrfToken: csrf.csrfToken, email: user.email, password: "load test passphrase", json: "true" },
        });
        return page;
      }),
    );
    const summary = (stats: ReaderStats, elapsedSeconds: number) => {
      const sorted = [...stats.latencies].sort((a, b) => a - b);
      return { rps: sorted.length / elapsedSeconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), requests: sorted.length };
    };
    const line = (r: ReturnType<typeof summary>, statuses: Map<number, number>) =>
      `${r.requests} requests, ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, statuses ${JSON.stringify(Object.fromEntries(statuses))}`;
    const stats = readerStats();
    const acks = setups.map(() => [] as { version: number; body: string }[]);
    const counters = setups.map(() => ({ n: 0 }));
    /**
     * Readers and editors for `milliseconds`; readers go on until the last editor's save in flight
     * is acknowledged, so its cost falls in the phase. Returns how long the phase took, in seconds.
     */
    const cpu = { idle: [] as { split: CpuSplit; seconds: number }[], saving: [] as { split: CpuSplit; seconds: number }[] };
    const phase = async (milliseconds: number, saving: boolean, into: ReaderStats) => {
      const started = Date.now();
      const cpuSince = startCpuSplit(server.pid!);
      const until = started + milliseconds;
      const reading = read(readersProcess, into);
      // Readers go on until the last editor's save in flight is acknowledged.
      await Promise.all(
        pages.map((page, i) =>
          editorLoop(page, setups[i].article.id, until, saving ? acks[i] : [], { saving, saveEveryMs, counter: counters[i] }),
        ),
      );
      await reading.stop();
      const seconds = (Date.now() - started) / 1000;
      cpu[saving ? "saving" : "idle"].push({ split: cpuSince(), seconds });
      return seconds;
    };
    let idle: { result: ReturnType<typeof summary>; statuses: Map<number, number>; byPath: Map<string, number[]> } | null = null;
    let idleErrors: [number, number][] = [];
    let elapsedSeconds = 0;
    if (control) {
      // Every phase starts warm: the first requests for each page and the first saves (renders, JIT)
      // fall in none, and the idle editors know from the start how long a save takes.
      await phase(WARM_UP_SECONDS * 1000, true, readerStats());
      cpu.saving.length = 0;
      const idleStats = readerStats();
      let idleSeconds = 0;
      for (let round = 0; round < CONTROL_ROUNDS; round++) {
        idleSeconds += await phase((seconds * 1000) / CONTROL_ROUNDS, false, idleStats);
        elapsedSeconds += await phase((seconds * 1000) / CONTROL_ROUNDS, true, stats);
      }
      idle = { result: summary(idleStats, idleSeconds), statuses: idleStats.statuses, byPath: idleStats.byPath };
      idleErrors = [...idleStats.statuses].filter(([status]) => status >= 500);
    } else {
      const halfway = Date.now() + (seconds * 1000) / 2;
      // A crash run goes on until the kill (or three times as long, and fails): the kill comes
      // halfway, but not before a save has been acknowledged, or the run would check nothing.
      const until = Date.now() + seconds * 1000 * (crash ? 3 : 1);
      const started = Date.now();
      const reading = read(readersProcess, stats);
      const killer = crash
        ? setInterval(() => {
            if (killed || Date.now() < halfway || !acks.some((a) => a.length > 0)) return;
            killed = true;
            process.kill(-server.pid!, "SIGKILL");
            void reading.stop();
            announceKill();
          }, 50)
        : undefined;
      await Promise.all(
        pages.map((page, i) => editorLoop(page, setups[i].article.id, until, acks[i], { saveEveryMs, counter: counters[i] })),
      );
      await reading.stop();
      elapsedSeconds = (Date.now() - started) / 1000;
      clearInterval(killer);
    }
    if (crash && !killed) {
      console.error(`FAIL no save was acknowledged in ${(seconds * 3).toFixed(0)} s: the server was never killed`);
      process.exit(1);
    }
    if (crash) {
      server = await startServer();
      console.log("crash: server killed with SIGKILL mid-save and restarted");
    }

    let failures = 0;
    const fail = (message: string) => {
      failures++;
      console.error(`FAIL ${message}`);
    };
    // After a deliberate kill, refused connections are expected; a 5xx from a live server never is.
    const errors = [...stats.statuses].filter(([status]) => status >= 500 && !(crash && status === 599));
    if (errors.length) fail(`reader 5xx responses: ${JSON.stringify(Object.fromEntries(errors))}`);
    if (idleErrors.length) fail(`reader 5xx responses with editors idle: ${JSON.stringify(Object.fromEntries(idleErrors))}`);
    for (const [i, { article }] of setups.entries()) {
      const revisions = await db.revision.findMany({
        where: { articleId: article.id },
        orderBy: { version: "asc" },
        select: { version: true, snapshot: true },
      });
      const bodyAt = new Map(revisions.map((r) => [r.version, JSON.parse(r.snapshot).body as string]));
      for (const ack of acks[i])
        if (bodyAt.get(ack.version) !== ack.body) fail(`editor ${i}: acknowledged version ${ack.version} is not in the history as saved`);
      const stored = await db.article.findUniqueOrThrow({
        where: { id: article.id },
        select: { version: true, body: true, headline: true, status: true },
      });
      const current = revisions.at(-1);
      if (!current || current.version !== stored.version || JSON.parse(current.snapshot).body !== stored.body)
        fail(`editor ${i}: the article is not whole at its latest revision`);
      if (revisions.some((r, k) => r.version !== k + 1)) fail(`editor ${i}: revision versions are not 1..${stored.version} in order`);
      const last = acks[i].at(-1);
      // Without a crash the last acknowledged save is current; with one, a later unacknowledged save may have committed.
      if (last && (crash ? stored.version < last.version : stored.version !== last.version || stored.body !== last.body)) {
        fail(`editor ${i}: the last acknowledged save (version ${last.version}) is not kept`);
      }
    }

    const saving = summary(stats, elapsedSeconds);
    const saves = acks.reduce((n, a) => n + a.length, 0);
    if (crash && (await fetch(`${base}/articles/${seedSlug}`)).status !== 200) fail("the restarted server does not serve the article page");
    console.log(
      `load: ${elapsedSeconds.toFixed(0)}s, ${readers} readers${readerRate ? ` sending ${readerRate} requests a second together` : ""}, ${editors} editors in Chromium${placement}, ${saveEveryMs ? `each saving every ${saveEveryMs / 1000} s` : "saving back to back"}${crash ? ", server SIGKILLed after an acknowledged save, past halfway" : ""}`,
    );
    if (idle) console.log(`readers, editors idle:   ${line(idle.result, idle.statuses)}`);
    console.log(`readers${idle ? ", editors saving" : ""}: ${line(saving, stats.statuses)}`);
    // Which page got slower: a newsroom's question, and where to look next.
    const pageLine = (times: number[] | undefined) => {
      const sorted = [...(times ?? [])].sort((a, b) => a - b);
      return `p50 ${percentile(sorted, 50).toFixed(1)} / p99 ${percentile(sorted, 99).toFixed(1)} ms`;
    };
    for (const path of paths)
      console.log(
        `  ${path.padEnd(24).slice(0, 24)} ${idle ? `idle ${pageLine(idle.byPath.get(path))}, saving ` : ""}${pageLine(stats.byPath.get(path))}`,
      );
    if (idle && cpu.idle.length) {
      const [idleCpu, savingCpu] = [averageSplit(cpu.idle), averageSplit(cpu.saving)];
      console.log(`CPU in cores, editors idle:   ${describeSplit(idleCpu)}`);
      console.log(`CPU in cores, editors saving: ${describeSplit(savingCpu)}`);
    }
    if (idle)
      console.log(
        `saving ÷ idle: throughput ${(saving.rps / idle.result.rps).toFixed(2)}, p50 ${(saving.p50 / idle.result.p50).toFixed(2)}, p99 ${(saving.p99 / idle.result.p99).toFixed(2)}`,
      );
    console.log(
      `editors: ${saves} acknowledged saves (median ${typicalSaveMilliseconds().toFixed(0)} ms${idle ? ", as long as the idle editors paused" : ""}), all in their revision history in order: ${failures === 0 ? "yes" : "no"}`,
    );
    console.log(`${failures === 0 ? 1 : 0} passed, ${failures === 0 ? 0 : 1} failed`);
    return failures === 0 ? 0 : 1;
  } finally {
    await browser.close();
    readersProcess.kill();
    process.kill(-server.pid!, "SIGTERM");
  }
}

runCli(main);
