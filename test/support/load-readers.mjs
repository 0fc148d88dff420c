// The readers of `npm run test:load` (test/support/load.ts), in a process of their own. In the
// test's own process their requests were timed on the event loop that also drives the editors'
// browsers, so every click an editor made delayed the readers' clocks; and with --own-cpu they run
// on the server's CPUs while the editors, browsers and their automation run on another.
// Started with a JSON argument { base, paths, readers }; "start" sets the readers going, "stop"
// ends them and is answered with their { latencies, statuses }.

const { base, paths, readers } = JSON.parse(process.argv[2]);
let reading = false;

/** One reader: the paths in turn, one request at a time, from a random place in the list. */
async function reader(stats) {
  for (let i = Math.floor(Math.random() * paths.length); reading; i++) {
    const started = performance.now();
    let status = 0;
    try {
      const response = await fetch(base + paths[i % paths.length], { redirect: "manual" });
      await response.arrayBuffer();
      status = response.status;
    } catch {
      status = 599;
    }
    stats.latencies.push(performance.now() - started);
    stats.statuses[status] = (stats.statuses[status] ?? 0) + 1;
  }
}

let finished = Promise.resolve(null);
process.on("message", async (message) => {
  if (message === "start" && !reading) {
    reading = true;
    const stats = { latencies: [], statuses: {} };
    finished = Promise.all(Array.from({ length: readers }, () => reader(stats))).then(() => stats);
  } else if (message === "stop") {
    reading = false;
    process.send(await finished);
  }
});
// The test's process is gone: so are its readers.
process.on("disconnect", () => process.exit(0));
