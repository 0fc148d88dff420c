/**
 * Concurrent calls with the same key share one computation: when a cache entry expires under
 * load, the fifty readers who miss it at once cost one database read, not fifty.
 */
export function singleFlight() {
  const inFlight = new Map<string, { started: Promise<unknown>; tags: readonly string[] }>();
  return {
    /** `tags` name what the computation reads, for `forget`. */
    run<T>(key: string, compute: () => Promise<T>, tags: readonly string[] = []): Promise<T> {
      const running = inFlight.get(key);
      if (running) return running.started as Promise<T>;
      const started = compute().finally(() => {
        if (inFlight.get(key)?.started === started) inFlight.delete(key);
      });
      inFlight.set(key, { started, tags });
      return started;
    },
    /**
     * After a change: calls from now on compute afresh instead of joining one that read the old
     * data. Given the change's tags, only computations carrying one of them; without, every one.
     */
    forget(changed?: readonly string[]): void {
      if (!changed) return inFlight.clear();
      for (const [key, { tags }] of inFlight) if (tags.some((tag) => changed.includes(tag))) inFlight.delete(key);
    },
  };
}
