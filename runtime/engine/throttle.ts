/** A keyed throttle: `call(key)` runs `fn(key)` at most once per `intervalMs` per key; `flush` runs pending keys. */
export function throttle(intervalMs: number, fn: (key: string) => void): { call(key: string): void; flush(): void } {
  const last = new Map<string, number>();
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    for (const key of pending) {
      last.set(key, Date.now());
      fn(key);
    }
    pending.clear();
  };
  return {
    call(key: string) {
      const now = Date.now();
      if (now - (last.get(key) ?? 0) >= intervalMs) {
        last.set(key, now);
        pending.delete(key);
        fn(key);
        return;
      }
      pending.add(key);
      timer ??= setTimeout(flush, intervalMs);
      timer.unref?.();
    },
    flush,
  };
}
