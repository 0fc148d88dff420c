import cliProgress from "cli-progress";

export type Progress = { tick(done: number): void; stop(): void };

/**
 * How far an import has got: a bar on a terminal, and on anything else (a log, CI) a plain line
 * every `every` items, so a long import still shows it is alive without flooding the log.
 */
export function progressReporter(label: string, total: number | null, { every = 1000, log = console.log } = {}): Progress {
  if (process.stdout.isTTY && total !== null) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left`, hideCursor: true, etaBuffer: 200 },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { tick: (done) => bar.update(done), stop: () => bar.stop() };
  }
  let reported = 0;
  return {
    tick(done) {
      if (done - reported < every) return;
      reported = done;
      log(`${label}: ${done.toLocaleString("en")}${total === null ? "" : ` of ${total.toLocaleString("en")}`}`);
    },
    stop() {},
  };
}
