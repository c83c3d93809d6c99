import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type DbOptions = {
  // Upper bound of pooled connections; the pool queues beyond it instead of opening more.
  max?: number;
  // Kills a runaway statement so that one slow query cannot hold a connection for ever.
  statementTimeoutMs?: number;
};

export function createDb(url: string, options: DbOptions = {}) {
  const client = postgres(url, {
    max: options.max ?? 10,
    idle_timeout: 30,
    connect_timeout: 10,
    onnotice: () => {},
    connection: {
      application_name: "balance-desk",
      statement_timeout: options.statementTimeoutMs ?? 15_000,
    },
  });
  const db = drizzle(client, { schema, casing: undefined });
  return { db, client };
}

export type Database = ReturnType<typeof createDb>["db"];
// A transaction handle accepts the same queries as the database; domain functions take either.
export type Executor = Database | Parameters<Parameters<Database["transaction"]>[0]>[0];

export { schema };
