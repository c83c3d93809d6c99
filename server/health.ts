import { getConnection } from "./db";

// Readiness answers within a second even when the pool is exhausted or the server is down.
export async function checkDatabase(): Promise<{ ok: boolean; latencyMs?: number }> {
  const started = performance.now();
  try {
    const probe = getConnection().client`select 1`;
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error("timeout")), 1000),
    );
    await Promise.race([probe, timeout]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { ok: false };
  }
}
