import { createDb } from "@/db";
import { createPiiCodec, type PiiCodec } from "@/db/pii";
import { env } from "./env";

type Connection = ReturnType<typeof createDb>;

// One pool per server process. Next's dev server reloads modules, so the pool is kept on
// globalThis rather than in module scope.
const holder = globalThis as { balanceDeskDb?: Connection; balanceDeskPii?: PiiCodec };

export function getConnection(): Connection {
  holder.balanceDeskDb ??= createDb(env().DATABASE_URL, {
    max: env().DB_POOL_MAX,
    statementTimeoutMs: env().DB_STATEMENT_TIMEOUT_MS,
    acquireTimeoutMs: env().DB_ACQUIRE_TIMEOUT_MS,
  });
  return holder.balanceDeskDb;
}

export function getDb() {
  return getConnection().db;
}

export function getPii(): PiiCodec {
  holder.balanceDeskPii ??= createPiiCodec(env().PII_KEY);
  return holder.balanceDeskPii;
}
