import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { createPoolGate, gateClient, type PoolGate } from "./pool-gate";
import * as schema from "./schema";

export type DbOptions = {
  // Upper bound of pooled connections; the pool queues beyond it instead of opening more.
  max?: number;
  // Kills a runaway statement so that one slow query cannot hold a connection for ever.
  statementTimeoutMs?: number;
  // When set, a query or transaction waits at most this long for a free connection and then
  // fails with DatabaseBusyError (db/pool-gate.ts). Scripts leave it unset and simply queue.
  acquireTimeoutMs?: number;
};

export function createDb(url: string, options: DbOptions = {}) {
  const max = options.max ?? 10;
  const raw = postgres(url, {
    max,
    idle_timeout: 30,
    connect_timeout: 10,
    onnotice: () => {},
    connection: {
      application_name: "balance-desk",
      statement_timeout: options.statementTimeoutMs ?? 15_000,
    },
  });
  const gate: PoolGate | null =
    options.acquireTimeoutMs === undefined ? null : createPoolGate(max, options.acquireTimeoutMs);
  const client = gate ? gateClient(raw, gate) : raw;
  const db = drizzle(client, { schema, casing: undefined });
  // One round trip that waits at most timeoutMs for a connection: the readiness check.
  const probe = async (timeoutMs: number) => {
    const query = () => raw`select 1`;
    await (gate ? gate.run(query, timeoutMs) : query());
  };
  return { db, client, gate, probe };
}

export type Database = ReturnType<typeof createDb>["db"];
// A transaction handle accepts the same queries as the database; domain functions take either.
export type Executor = Database | Parameters<Parameters<Database["transaction"]>[0]>[0];

export { schema };
