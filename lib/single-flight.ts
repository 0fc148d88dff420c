/**
 * Concurrent calls with the same key share one computation: when a cache entry expires under
 * load, the fifty readers who miss it at once cost one database read, not fifty.
 */
export function singleFlight() {
  const inFlight = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, compute: () => Promise<T>): Promise<T> {
      const running = inFlight.get(key);
      if (running) return running as Promise<T>;
      const started = compute().finally(() => {
        if (inFlight.get(key) === started) inFlight.delete(key);
      });
      inFlight.set(key, started);
      return started;
    },
    /** After a change: calls from now on compute afresh instead of joining one that read the old data. */
    forget(): void {
      inFlight.clear();
    },
  };
}
