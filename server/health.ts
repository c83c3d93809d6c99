import { DatabaseBusyError } from "@/db/pool-gate";
import { getConnection } from "./db";

const PROBE_MS = 1000;
// A request waiting this long for a connection means the pool is saturated, not just busy for
// a moment; shorter queues come and go within a burst and should not take the instance out.
const SATURATED_AFTER_MS = 250;

// Readiness answers within a second even when the pool is exhausted or the server is down.
// A saturated pool means this instance cannot take more work now: it reports not ready at
// once, so that a load balancer sends new users elsewhere.
export async function checkDatabase(connection = getConnection()): Promise<{
  ok: boolean;
  latencyMs?: number;
  reason?: "busy" | "unreachable";
}> {
  const started = performance.now();
  try {
    const { gate, probe } = connection;
    if (gate && gate.oldestWaitMs >= SATURATED_AFTER_MS) return { ok: false, reason: "busy" };
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error("timeout")), PROBE_MS),
    );
    await Promise.race([probe(PROBE_MS), timeout]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, reason: error instanceof DatabaseBusyError ? "busy" : "unreachable" };
  }
}
