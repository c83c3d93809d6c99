// Timing: each case runs warm-up calls first (JIT, plan cache, connection pools, buffer cache),
// then the timed calls, sequentially. The HTTP call and its floor alternate, so a drift in the
// machine's load (autovacuum, a checkpoint) touches both alike instead of one of them.

export type Percentiles = { p50: number; p95: number; min: number; max: number; n: number };

export type Target =
  | { kind: "overhead"; overheadMs: number; maxMs: number }
  | { kind: "max"; maxMs: number }
  | { kind: "none" };

export type BenchCase = {
  name: string;
  http: () => Promise<unknown>;
  floor?: () => Promise<unknown>;
  target: Target;
};

export type CaseResult = {
  name: string;
  http: Percentiles;
  floor: Percentiles | null;
  overheadMs: number | null;
  ratio: number | null;
  // Size of the HTTP answer's body (as sent, before any compression), when it has one.
  responseBytes: number | null;
  target: string;
  pass: boolean | null;
};

export async function measure(
  bench: BenchCase,
  options: { warmup: number; iterations: number },
): Promise<CaseResult> {
  for (let i = 0; i < options.warmup; i++) {
    await bench.http();
    await bench.floor?.();
  }
  const http: number[] = [];
  const floor: number[] = [];
  let responseBytes: number | null = null;
  for (let i = 0; i < options.iterations; i++) {
    const started = performance.now();
    const answer = await bench.http();
    http.push(performance.now() - started);
    responseBytes = bodyBytes(answer);
    if (bench.floor) floor.push(await timed(bench.floor));
  }
  const httpStats = percentiles(http);
  const floorStats = bench.floor ? percentiles(floor) : null;
  const overheadMs = floorStats ? httpStats.p50 - floorStats.p50 : null;
  const { text, pass } = judge(bench.target, httpStats, floorStats);
  return {
    name: bench.name,
    http: httpStats,
    floor: floorStats,
    overheadMs,
    ratio: floorStats && floorStats.p50 > 0 ? httpStats.p50 / floorStats.p50 : null,
    responseBytes,
    target: text,
    pass,
  };
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

function bodyBytes(answer: unknown): number | null {
  const body = (answer as { body?: unknown } | null)?.body;
  return typeof body === "string" ? Buffer.byteLength(body) : null;
}

// Nearest rank: p95 of 200 samples is the 190th fastest.
export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return {
    p50: rank(50),
    p95: rank(95),
    min: sorted[0] ?? 0,
    max: sorted.at(-1) ?? 0,
    n: sorted.length,
  };
}

function judge(
  target: Target,
  http: Percentiles,
  floor: Percentiles | null,
): { text: string; pass: boolean | null } {
  if (target.kind === "max") {
    return { text: `p50 ≤ ${target.maxMs} ms`, pass: http.p50 <= target.maxMs };
  }
  if (target.kind === "overhead") {
    const pass =
      floor !== null && http.p50 <= floor.p50 + target.overheadMs && http.p50 <= target.maxMs;
    return { text: `p50 ≤ floor+${target.overheadMs}, ≤ ${target.maxMs} ms`, pass };
  }
  return { text: "(diagnostic)", pass: null };
}
