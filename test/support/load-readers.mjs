// The readers of `npm run test:load` (test/support/load.ts), in a process of their own. In the
// test's own process their requests were timed on the event loop that also drives the editors'
// browsers, so every click an editor made delayed the readers' clocks; and with --own-cpu they run
// on the server's CPUs while the editors, browsers and their automation run on another.
// Started with a JSON argument { base, paths, readers, rate }; "start" sets the readers going,
// "stop" ends them and is answered with their { statuses, byPath } (the latencies, by path).
// Without a rate, each reader sends its next request as soon as the last is answered (a closed
// loop: the server is always busy, and latency is readers ÷ throughput). With `rate` (requests a
// second, all readers together), each reader keeps to a timetable instead, as readers arriving at a
// site do: a request answered late does not delay the next one's due time, and its latency counts
// from when it was due, so time spent queued behind the server's other work is measured too.

import http from "node:http";

const { base, paths, readers, rate } = JSON.parse(process.argv[2]);
// node:http on kept-alive connections, one per reader: fetch (undici) cost this process over a
// millisecond of CPU a request, on the server's CPU, which the server's readers in production never pay.
const agent = new http.Agent({ keepAlive: true, maxSockets: readers });

/**
 * One GET, read to the end: its status, or 599 when the connection failed. A kept-alive connection
 * the server closed as the request went out (its idle timeout, between phases) is retried once on
 * a new one, as browsers do; the Node documentation's own pattern for `reusedSocket`.
 */
function get(path, retried = false) {
  return new Promise((resolve) => {
    // As browsers ask; the compressed answer is read, not unpacked (a reader's browser does that).
    const request = http.get(base + path, { agent, headers: { "accept-encoding": "br, gzip" } }, (response) => {
      response.on("data", () => {});
      response.on("end", () => resolve(response.statusCode ?? 0));
      response.on("error", () => resolve(599));
    });
    request.on("error", (error) => {
      if (!retried && request.reusedSocket && error.code === "ECONNRESET") resolve(get(path, true));
      else resolve(599);
    });
  });
}
let reading = false;

/** One reader: the paths in turn, one request at a time, from a random place in the list. */
async function reader(stats, number) {
  const interval = rate ? (1000 * readers) / rate : 0;
  const firstDue = performance.now() + (interval * number) / readers;
  for (let i = Math.floor(Math.random() * paths.length), sent = 0; reading; i++, sent++) {
    const due = firstDue + sent * interval;
    if (rate && due > performance.now()) await new Promise((resolve) => setTimeout(resolve, due - performance.now()));
    if (!reading) break;
    // From when it was due, or from when it went out if the timer (whole milliseconds, on the event
    // loop's clock) woke this reader a little early: never a latency shorter than the answer took.
    const started = rate ? Math.min(due, performance.now()) : performance.now();
    const status = await get(paths[i % paths.length]);
    const latency = performance.now() - started;
    (stats.byPath[paths[i % paths.length]] ??= []).push(latency);
    stats.statuses[status] = (stats.statuses[status] ?? 0) + 1;
  }
}

let finished = Promise.resolve(null);
process.on("message", async (message) => {
  if (message === "start" && !reading) {
    reading = true;
    const stats = { statuses: {}, byPath: {} };
    finished = Promise.all(Array.from({ length: readers }, (_, number) => reader(stats, number))).then(() => stats);
  } else if (message === "stop") {
    reading = false;
    process.send(await finished);
  }
});
// The test's process is gone: so are its readers.
process.on("disconnect", () => process.exit(0));
