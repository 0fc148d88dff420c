// Where the machine's CPU went during a load phase, read from /proc (Linux): the server, the
// editors' browsers, this process (the readers' requests and the browser driver), the database and
// the rest. Readers and editors share two cores here, so what saving costs readers is CPU taken by
// something else; this says by what.
import { readdirSync, readFileSync } from "node:fs";

type ProcessTimes = { parent: number; command: string; ticks: number };
export type CpuPart = "server" | "browsers" | "load test" | "database" | "other";
export type CpuSplit = Record<CpuPart, number>;

// Clock ticks per second for /proc times: 100 on every Linux build Node runs on.
const TICKS_PER_SECOND = 100;

function processTimes(): Map<number, ProcessTimes> {
  const all = new Map<number, ProcessTimes>();
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return all; // not Linux: nothing to split
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // The command is in parentheses and may itself hold spaces or parentheses.
      const close = stat.lastIndexOf(")");
      const command = stat.slice(stat.indexOf("(") + 1, close);
      const fields = stat.slice(close + 2).split(" ");
      // After the command: state, ppid, …; utime and stime are the 14th and 15th fields overall.
      all.set(Number(pid), { parent: Number(fields[1]), command, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended while being read
    }
  }
  return all;
}

function descendsFrom(pid: number, ancestor: number, all: Map<number, ProcessTimes>) {
  for (let at: number | undefined = pid; at && at > 1; at = all.get(at)?.parent) if (at === ancestor) return true;
  return false;
}

/** Starts counting; the returned function gives the cores each part used on average since. */
export function startCpuSplit(serverPid: number): () => CpuSplit {
  const before = processTimes();
  const started = performance.now();
  return () => {
    const after = processTimes();
    const seconds = (performance.now() - started) / 1000;
    const split: CpuSplit = { server: 0, browsers: 0, "load test": 0, database: 0, other: 0 };
    for (const [pid, now] of after) {
      const used = now.ticks - (before.get(pid)?.ticks ?? 0);
      if (used <= 0) continue;
      const part: CpuPart = descendsFrom(pid, serverPid, after)
        ? "server"
        : /chrom|headless/i.test(now.command)
          ? "browsers"
          : pid === process.pid || descendsFrom(pid, process.pid, after)
            ? "load test"
            : /postgres|redis/.test(now.command)
              ? "database"
              : "other";
      split[part] += used / TICKS_PER_SECOND / seconds;
    }
    return split;
  };
}

/** Sums splits measured over phases of the given lengths into one average. */
export function averageSplit(parts: { split: CpuSplit; seconds: number }[]): CpuSplit {
  const total = parts.reduce((sum, p) => sum + p.seconds, 0) || 1;
  const average: CpuSplit = { server: 0, browsers: 0, "load test": 0, database: 0, other: 0 };
  for (const { split, seconds } of parts)
    for (const key of Object.keys(average) as CpuPart[]) average[key] += (split[key] * seconds) / total;
  return average;
}

export const describeSplit = (split: CpuSplit) =>
  (Object.entries(split) as [CpuPart, number][]).map(([part, cores]) => `${part} ${cores.toFixed(2)}`).join(", ");
