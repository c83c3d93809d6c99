import { and, eq, gt, inArray, lt, ne, or, sql } from "drizzle-orm";
import type Redis from "ioredis";
import type { Executor } from "@/db";
import { signInFailures } from "@/db/schema";

// Sign-in throttling. The counters live outside the app process (PostgreSQL, or Redis when
// REDIS_URL is set), so several app instances behind one proxy share them.
//
// - Locks: 10 failed attempts within 15 minutes for one login from one client address, or 30
//   from one address for any logins, and further attempts from there are refused without
//   checking the password. The address allows more, since an office signs in from one NAT
//   address and its colleagues' typos add up; it still stops a password spray from one host.
// - The account across addresses is slowed down rather than locked: after 5 failures within
//   the window each further attempt waits 1 s, 2 s, 4 s … (at most a minute) after the last
//   failure. A lock per login alone would let anyone lock `admin` out for good by failing ten
//   times every quarter hour; a delay costs its owner a minute at most, and still holds
//   guessing from many addresses to about one password a minute.
//
// An attempt is counted before the password is checked, and taken back when it succeeds or is
// refused without a check. A check-then-count limiter would let a burst of parallel requests
// all pass the check while the (deliberately slow) password hashes run; counting first closes
// that gap.
export const SIGN_IN_MAX_FAILURES = 10;
export const SIGN_IN_MAX_FAILURES_PER_ADDRESS = 30;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const ACCOUNT_FREE_FAILURES = 5;
export const ACCOUNT_MAX_DELAY_MS = 60_000;

// How long after its last failure an account may be tried again, given its failures.
export function accountDelayMs(failures: number): number {
  if (failures < ACCOUNT_FREE_FAILURES) return 0;
  return Math.min(1000 * 2 ** (failures - ACCOUNT_FREE_FAILURES), ACCOUNT_MAX_DELAY_MS);
}

export type SignInKeys = {
  // This login from this address: locked after maxFailures in the window.
  pair: string;
  // This address for any login: locked after maxFailuresPerAddress.
  address: string;
  // This login from anywhere: slowed down after ACCOUNT_FREE_FAILURES.
  account: string;
};

export type SignInAttempt = {
  // The pair or address keys that are over their limit counting this attempt.
  exceeded: string[];
  // How long the account still has to wait; 0 when it may be tried now.
  waitMs: number;
  // The password was right: the attempt stops counting, and `resetKeys` start again at 0.
  succeeded(resetKeys: readonly string[]): Promise<void>;
  // The attempt was refused without checking the password: it is no failure.
  refused(): Promise<void>;
};

export type SignInLimiter = {
  begin(keys: SignInKeys): Promise<SignInAttempt>;
};

export type LimiterOptions = {
  maxFailures?: number;
  maxFailuresPerAddress?: number;
  windowMs?: number;
};

function limitsOf(options: LimiterOptions) {
  return {
    windowMs: options.windowMs ?? SIGN_IN_WINDOW_MS,
    overLimit: (keys: SignInKeys, key: string, count: number) =>
      count >
      (key === keys.address
        ? (options.maxFailuresPerAddress ?? SIGN_IN_MAX_FAILURES_PER_ADDRESS)
        : (options.maxFailures ?? SIGN_IN_MAX_FAILURES)),
  };
}

export const loginKey = (login: string) => `login:${login.trim().toLowerCase()}`;
export const loginAddressKey = (login: string, addressKey: string) =>
  `login-ip:${login.trim().toLowerCase()}|${addressKey}`;

// One row per attempt and key; a sliding window. The clock is injectable for tests.
export function createPostgresLimiter(
  db: Executor,
  options: LimiterOptions & { clock?: () => Date } = {},
): SignInLimiter {
  const { windowMs, overLimit } = limitsOf(options);
  const clock = options.clock ?? (() => new Date());
  return {
    async begin(signInKeys) {
      const { pair, address, account } = signInKeys;
      const now = clock();
      const since = new Date(now.getTime() - windowMs);
      const keys = [pair, address, account];
      // Old rows go on every attempt; sign-ins are rare enough that this stays small.
      await db.delete(signInFailures).where(lt(signInFailures.failedAt, since));
      const inserted = await db
        .insert(signInFailures)
        .values(keys.map((key) => ({ key, failedAt: now })))
        .returning({ id: signInFailures.id, key: signInFailures.key });
      const ids = inserted.map((row) => row.id);
      const ownAccountRow = inserted.find((row) => row.key === account)?.id ?? 0;
      const counts = await db
        .select({ key: signInFailures.key, count: sql<number>`count(*)::int` })
        .from(signInFailures)
        .where(
          and(inArray(signInFailures.key, [pair, address]), gt(signInFailures.failedAt, since)),
        )
        .groupBy(signInFailures.key);
      // The account's other attempts, including those running right now.
      const [earlier] = await db
        .select({
          failures: sql<number>`count(*)::int`,
          last: sql<Date | null>`max(${signInFailures.failedAt})`.mapWith(
            (value: string | Date | null) => (value === null ? null : new Date(value)),
          ),
        })
        .from(signInFailures)
        .where(
          and(
            eq(signInFailures.key, account),
            gt(signInFailures.failedAt, since),
            ne(signInFailures.id, ownAccountRow),
          ),
        );
      const failures = earlier?.failures ?? 0;
      const last = earlier?.last ?? null;
      const forget = (resetKeys: readonly string[]) =>
        db
          .delete(signInFailures)
          .where(
            resetKeys.length > 0
              ? or(inArray(signInFailures.id, ids), inArray(signInFailures.key, [...resetKeys]))
              : inArray(signInFailures.id, ids),
          );
      return {
        exceeded: counts
          .filter((row) => overLimit(signInKeys, row.key, row.count))
          .map((row) => row.key),
        waitMs: last ? Math.max(0, last.getTime() + accountDelayMs(failures) - now.getTime()) : 0,
        async succeeded(resetKeys) {
          await forget(resetKeys);
        },
        async refused() {
          await forget([]);
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

// INCR, and a PEXPIRE set only by the first attempt: a fixed window that starts with it. The
// account's last failure time sits beside its count (`…:last`, swapped in with SET … GET).
export function createRedisLimiter(
  redis: Redis,
  options: LimiterOptions & { prefix?: string; clock?: () => number } = {},
): SignInLimiter {
  const { windowMs, overLimit } = limitsOf(options);
  const prefix = options.prefix ?? "balance-desk:sign-in:";
  const clock = options.clock ?? Date.now;
  return {
    async begin(signInKeys) {
      const { pair, address, account } = signInKeys;
      const now = clock();
      const keys = [pair, address, account];
      const lastKey = `${prefix}${account}:last`;
      const batch = redis.multi();
      for (const key of keys)
        batch.incr(`${prefix}${key}`).pexpire(`${prefix}${key}`, windowMs, "NX");
      batch.set(lastKey, String(now), "PX", windowMs, "GET");
      const replies = (await batch.exec()) ?? [];
      const counts = keys.map((_key, index) => {
        const [error, count] = replies[index * 2] ?? [null, 0];
        if (error) throw error;
        return Number(count);
      });
      const [lastError, previousLast] = replies[keys.length * 2] ?? [null, null];
      if (lastError) throw lastError;
      const failures = (counts.at(-1) ?? 1) - 1;
      const last = typeof previousLast === "string" ? Number(previousLast) : null;

      const undo = async (resetKeys: readonly string[]) => {
        const batch = redis.multi();
        for (const key of keys) {
          if (resetKeys.includes(key)) batch.del(`${prefix}${key}`);
          else batch.eval(DECREMENT_IF_POSITIVE, 1, `${prefix}${key}`);
        }
        // Put back the previous failure time. An attempt running at the same moment may have
        // written its own meanwhile; it then counts from the earlier time, a second or so.
        if (resetKeys.includes(account) || last === null) batch.del(lastKey);
        else batch.set(lastKey, String(last), "PX", windowMs);
        await batch.exec();
      };
      return {
        exceeded: [pair, address].filter((key, index) =>
          overLimit(signInKeys, key, counts[index] ?? 0),
        ),
        waitMs: last === null ? 0 : Math.max(0, last + accountDelayMs(failures) - now),
        succeeded: undo,
        refused: () => undo([]),
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
