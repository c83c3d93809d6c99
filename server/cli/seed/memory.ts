// The peak memory of this process during a long job. A timer samples it, and the job samples it
// too where its use is highest (a batch just drafted), since a long synchronous stretch keeps
// the timer from firing.

export type MemoryUse = { rssBytes: number; heapUsedBytes: number };

export type MemoryWatch = {
  sample(): MemoryUse;
  peak(): MemoryUse;
  stop(): MemoryUse;
};

export function watchMemory(intervalMs = 250): MemoryWatch {
  const peak: MemoryUse = { rssBytes: 0, heapUsedBytes: 0 };
  const sample = (): MemoryUse => {
    const { rss, heapUsed } = process.memoryUsage();
    peak.rssBytes = Math.max(peak.rssBytes, rss);
    peak.heapUsedBytes = Math.max(peak.heapUsedBytes, heapUsed);
    return { rssBytes: rss, heapUsedBytes: heapUsed };
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    sample,
    peak: () => ({ ...peak }),
    stop() {
      clearInterval(timer);
      sample();
      return { ...peak };
    },
  };
}

export const mebibytes = (bytes: number) => Math.round(bytes / 1024 ** 2);
