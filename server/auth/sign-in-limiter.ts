import { and, gt, inArray, lt, or, sql } from "drizzle-orm";
import type Redis from "ioredis";
import type { Executor } from "@/db";
import { signInFailures } from "@/db/schema";

// Sign-in throttling: 10 failed attempts within 15 minutes for one account (its lower-cased
// login) or from one client address, and further attempts are refused without checking the
// password. The counters live outside the app process (PostgreSQL, or Redis when REDIS_URL is
// set), so several app instances behind one proxy share them.
//
// An attempt is counted before the password is checked and taken back when it succeeds. A
// check-then-count limiter would let a burst of parallel requests all pass the check while the
// (deliberately slow) password hashes run; counting first closes that gap.
export const SIGN_IN_MAX_FAILURES = 10;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

export type SignInAttempt = {
  // The keys that are over the limit counting this attempt; empty when it may proceed.
  exceeded: string[];
  // The attempt succeeded: it stops counting, and `resetKeys` (the account) start again at 0.
  succeeded(resetKeys: readonly string[]): Promise<void>;
};

export type SignInLimiter = {
  begin(keys: readonly string[]): Promise<SignInAttempt>;
};

export type LimiterOptions = { maxFailures?: number; windowMs?: number };

export const loginKey = (login: string) => `login:${login.trim().toLowerCase()}`;
export const addressKey = (address: string) => `ip:${address}`;

// One row per attempt; a sliding window. The clock is injectable for tests of the window.
export function createPostgresLimiter(
  db: Executor,
  options: LimiterOptions & { clock?: () => Date } = {},
): SignInLimiter {
  const maxFailures = options.maxFailures ?? SIGN_IN_MAX_FAILURES;
  const windowMs = options.windowMs ?? SIGN_IN_WINDOW_MS;
  const clock = options.clock ?? (() => new Date());
  return {
    async begin(keys) {
      const now = clock();
      const since = new Date(now.getTime() - windowMs);
      // Old rows go on every attempt; sign-ins are rare enough that this stays small.
      await db.delete(signInFailures).where(lt(signInFailures.failedAt, since));
      const inserted = await db
        .insert(signInFailures)
        .values(keys.map((key) => ({ key, failedAt: now })))
        .returning({ id: signInFailures.id });
      const counts = await db
        .select({ key: signInFailures.key, count: sql<number>`count(*)::int` })
        .from(signInFailures)
        .where(and(inArray(signInFailures.key, [...keys]), gt(signInFailures.failedAt, since)))
        .groupBy(signInFailures.key);
      const ids = inserted.map((row) => row.id);
      return {
        exceeded: counts.filter((row) => row.count > maxFailures).map((row) => row.key),
        async succeeded(resetKeys) {
          await db
            .delete(signInFailures)
            .where(
              resetKeys.length > 0
                ? or(inArray(signInFailures.id, ids), inArray(signInFailures.key, [...resetKeys]))
                : inArray(signInFailures.id, ids),
            );
        },
      };
    },
  };
}

// A plain DECR on a key that expired meanwhile would create it at -1 with no expiry.
const DECREMENT_IF_POSITIVE = `
local count = tonumber(redis.call("GET", KEYS[1]) or "0")
if count > 0 then return redis.call("DECR", KEYS[1]) end
return 0`;

// INCR, and a PEXPIRE set only by the first attempt: a fixed window that starts with it.
export function createRedisLimiter(
  redis: Redis,
  options: LimiterOptions & { prefix?: string } = {},
): SignInLimiter {
  const maxFailures = options.maxFailures ?? SIGN_IN_MAX_FAILURES;
  const windowMs = options.windowMs ?? SIGN_IN_WINDOW_MS;
  const prefix = options.prefix ?? "balance-desk:sign-in:";
  return {
    async begin(keys) {
      const batch = redis.multi();
      for (const key of keys)
        batch.incr(`${prefix}${key}`).pexpire(`${prefix}${key}`, windowMs, "NX");
      const replies = (await batch.exec()) ?? [];
      const exceeded = keys.filter((_key, index) => {
        const [error, count] = replies[index * 2] ?? [null, 0];
        if (error) throw error;
        return Number(count) > maxFailures;
      });
      return {
        exceeded,
        async succeeded(resetKeys) {
          const undo = redis.multi();
          for (const key of keys) {
            if (resetKeys.includes(key)) undo.del(`${prefix}${key}`);
            else undo.eval(DECREMENT_IF_POSITIVE, 1, `${prefix}${key}`);
          }
          await undo.exec();
        },
      };
    },
  };
}

// The deployment's limiter: Redis when REDIS_URL is set, else the application database. The
// client is created once per process (the promise is kept, so concurrent first sign-ins share it).
const holder = globalThis as { balanceDeskRedis?: Promise<Redis> };

export async function defaultSignInLimiter(db: Executor): Promise<SignInLimiter> {
  const url = process.env.REDIS_URL;
  if (!url) return createPostgresLimiter(db);
  holder.balanceDeskRedis ??= import("ioredis").then(
    // A sign-in waits a few seconds at most for Redis rather than queueing for ever; the
    // failure then reads "系统繁忙" on the login page.
    ({ default: RedisClient }) =>
      new RedisClient(url, { maxRetriesPerRequest: 2, connectTimeout: 3_000 }),
  );
  return createRedisLimiter(await holder.balanceDeskRedis);
}
