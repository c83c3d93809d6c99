// Database: bounds how many queries wait for a pooled connection, so a busy pool answers 503 fast.
import type { ReservedSql, Sql } from "postgres";

// postgres.js never refuses work: when every connection is busy it pipelines the query behind
// one of them or queues it, and the caller waits as long as the slowest query in front of it
// (up to the statement timeout). A web request should rather fail fast so that the user can
// retry and the load balancer can look elsewhere. The gate admits as many queries and
// transactions as the pool has connections and makes the others wait a bounded time.

export class DatabaseBusyError extends Error {
  constructor(readonly waitedMs: number) {
    super(`no database connection free within ${waitedMs} ms`);
    this.name = "DatabaseBusyError";
  }
}

export type PoolGate = {
  run<T>(work: () => PromiseLike<T>, timeoutMs?: number): Promise<T>;
  // A permit held until the returned function is called (for a reserved connection).
  hold(timeoutMs?: number): Promise<() => void>;
  readonly inUse: number;
  readonly waiting: number;
  // How long the longest-waiting caller has waited so far, 0 when nobody waits.
  readonly oldestWaitMs: number;
};

export function createPoolGate(permits: number, acquireTimeoutMs: number): PoolGate {
  let inUse = 0;
  const waiters: { admit: () => void; since: number }[] = [];

  function acquire(timeoutMs: number): Promise<void> {
    if (inUse < permits && waiters.length === 0) {
      inUse += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        since: performance.now(),
        admit: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(waiter), 1);
        reject(new DatabaseBusyError(timeoutMs));
      }, timeoutMs);
      waiters.push(waiter);
    });
  }

  // A freed permit passes straight to the longest waiter, so waiters are served in order.
  function release() {
    const next = waiters.shift();
    if (next) next.admit();
    else inUse -= 1;
  }

  return {
    async hold(timeoutMs = acquireTimeoutMs) {
      await acquire(timeoutMs);
      let held = true;
      return () => {
        if (held) release();
        held = false;
      };
    },
    async run(work, timeoutMs = acquireTimeoutMs) {
      await acquire(timeoutMs);
      try {
        return await work();
      } finally {
        release();
      }
    },
    get inUse() {
      return inUse;
    },
    get waiting() {
      return waiters.length;
    },
    get oldestWaitMs() {
      const oldest = waiters[0];
      return oldest ? performance.now() - oldest.since : 0;
    },
  };
}

// The client the app uses: queries (tagged templates, unsafe, file), transactions (begin) and
// reserved connections pass the gate; queries inside a transaction run on its connection and
// do not. A query of postgres.js runs when it is first awaited, so the gate wraps that moment,
// not the call that builds it.
export function gateClient(client: Sql, gate: PoolGate): Sql {
  const gated = (query: unknown): unknown => {
    if (!(query instanceof Promise)) return query;
    const proxy: unknown = new Proxy(query, {
      get(target, property) {
        if (property === "then" || property === "catch" || property === "finally") {
          return (...args: unknown[]) => {
            const admitted = gate.run(() => target);
            return (admitted[property] as (...a: unknown[]) => unknown).apply(admitted, args);
          };
        }
        const value = Reflect.get(target, property, target);
        if (typeof value !== "function") return value;
        // Modifiers such as .values() return the query itself; keep returning the gated one.
        return (...args: unknown[]) => {
          const result = value.apply(target, args);
          return result === target ? proxy : result;
        };
      },
    });
    return proxy;
  };

  return new Proxy(client, {
    apply(target, thisArg, args) {
      return gated(Reflect.apply(target, thisArg, args));
    },
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (property === "begin") {
        return (...args: unknown[]) =>
          gate.run(() => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
      }
      // A reserved connection (a streamed export) counts against the pool until released.
      if (property === "reserve") {
        return async () => {
          const release = await gate.hold();
          try {
            const reserved = await (value as () => Promise<ReservedSql>).apply(target);
            const giveBack = reserved.release;
            reserved.release = () => {
              release();
              giveBack();
            };
            return reserved;
          } catch (error) {
            release();
            throw error;
          }
        };
      }
      if (property === "unsafe" || property === "file") {
        return (...args: unknown[]) => gated((value as (...a: unknown[]) => unknown)(...args));
      }
      return value;
    },
  });
}

// Errors that say "the database cannot serve this now", as opposed to a fault in the request:
// no connection free in time, the connection was cut (server restart, failover, an operator
// terminating backends) or the server refuses connections for the moment.
const UNAVAILABLE_CODES = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "57P01", // admin_shutdown, also pg_terminate_backend
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up or shutting down)
  "53300", // too_many_connections
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  return unavailableReason(error) !== null;
}

// The code that made the error an unavailability ("busy", "57P01", "ECONNREFUSED"…), for logs:
// the wrapping query error would also carry the SQL and its parameters, which logs must not.
export function unavailableReason(error: unknown): string | null {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    if (current instanceof DatabaseBusyError) return "busy";
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || code.startsWith("08"))) {
      return code;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
