import { randomBytes } from "node:crypto";
import { createConnection } from "node:net";
import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { addressKey } from "./client-address";
import {
  ACCOUNT_MAX_DELAY_MS,
  accountDelayMs,
  createPostgresLimiter,
  createRedisLimiter,
  loginAddressKey,
  loginKey,
  SIGN_IN_MAX_FAILURES_PER_ADDRESS,
  type SignInAttempt,
  type SignInKeys,
  type SignInLimiter,
} from "./sign-in-limiter";

// The same behaviour from both backends. PostgreSQL always runs; Redis runs when a server
// answers on 127.0.0.1:6379 (or REDIS_TEST_URL) and is skipped otherwise.

const REDIS_URL = process.env.REDIS_TEST_URL ?? "redis://127.0.0.1:6379";

function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379) });
    const answer = (answered: boolean) => {
      socket.destroy();
      resolve(answered);
    };
    socket.setTimeout(500);
    socket.once("connect", () => answer(true));
    socket.once("error", () => answer(false));
    socket.once("timeout", () => answer(false));
  });
}

const redisAvailable = await redisAnswers(REDIS_URL);

type Backend = {
  // A limiter whose window is `windowMs` long, and a way to let `ms` pass for it.
  make(windowMs: number): { limiter: SignInLimiter; pass(ms: number): Promise<void> };
};

let testDb: TestDatabase;
let redis: Redis | undefined;
const redisPrefix = `balance-desk-test:${randomBytes(4).toString("hex")}:`;

beforeAll(async () => {
  testDb = await createTestDatabase();
  if (redisAvailable) redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  if (redis) {
    const keys = await redis.keys(`${redisPrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  }
  await testDb.drop();
});

// Both take a fake clock for the account's delay; Redis lets its window (the keys' expiry)
// pass in real time, so its tests of the window use a short one.
const backends: [string, boolean, () => Backend][] = [
  [
    "PostgreSQL",
    true,
    () => ({
      make(windowMs) {
        let now = Date.now();
        return {
          limiter: createPostgresLimiter(testDb.db, { windowMs, clock: () => new Date(now) }),
          pass: async (ms) => {
            now += ms;
          },
        };
      },
    }),
  ],
  [
    "Redis",
    redisAvailable,
    () => ({
      make(windowMs) {
        let now = Date.now();
        return {
          limiter: createRedisLimiter(redis as Redis, {
            windowMs,
            prefix: redisPrefix,
            clock: () => now,
          }),
          pass: async (ms) => {
            now += ms;
            if (ms >= windowMs) await new Promise((resolve) => setTimeout(resolve, ms));
          },
        };
      },
    }),
  ],
];

// Unique per test and backend: the PostgreSQL table and the Redis prefix are shared per file.
const unique = (name: string) => `${name}-${randomBytes(4).toString("hex")}`;

// The keys of one login from one address, as signInWithPassword builds them.
function keysOf(login: string, address: string): SignInKeys {
  const ip = addressKey(address);
  return { pair: loginAddressKey(login, ip), address: ip, account: loginKey(login) };
}

const resetOnSuccess = (keys: SignInKeys) => [keys.pair, keys.account];

// `times` failed attempts, each made once the account's delay allows it, as a patient
// guesser would.
async function fail(
  limiter: SignInLimiter,
  keys: SignInKeys,
  times: number,
  pass: (ms: number) => Promise<void>,
): Promise<SignInAttempt[]> {
  const attempts: SignInAttempt[] = [];
  for (let i = 0; i < times; i++) {
    let attempt = await limiter.begin(keys);
    if (attempt.waitMs > 0) {
      await attempt.refused();
      await pass(attempt.waitMs);
      attempt = await limiter.begin(keys);
    }
    attempts.push(attempt);
  }
  return attempts;
}

// A fresh test address each time: the limiter's tables are shared by the tests of a file.
let addressCount = 0;
const freshAddress = () => {
  addressCount += 1;
  return `10.${Math.floor(Math.random() * 250)}.${addressCount >> 8}.${addressCount & 255}`;
};

const WINDOW = 15 * 60_000;

for (const [name, available, backend] of backends) {
  describe.skipIf(!available)(`sign-in limiter (${name})`, () => {
    it("locks a login from one address after 10 failures, not from another", async () => {
      const { limiter, pass } = backend().make(WINDOW);
      const login = unique("Wang_Min");
      const office = freshAddress();
      const keys = keysOf(login, office);
      const attempts = await fail(limiter, keys, 10, pass);
      expect(attempts.every((attempt) => attempt.exceeded.length === 0)).toBe(true);
      const refused = await limiter.begin(keys);
      expect(refused.exceeded).toEqual([keys.pair]);
      await refused.refused();
      // The same login typed differently, from the same address: the same pair.
      const upper = await limiter.begin(keysOf(` ${login.toUpperCase()} `, office));
      expect(upper.exceeded).toEqual([keys.pair]);
      await upper.refused();
      // The owner elsewhere is slowed down at most, never locked out.
      await pass(ACCOUNT_MAX_DELAY_MS);
      const home = await limiter.begin(keysOf(login, freshAddress()));
      expect(home).toMatchObject({ exceeded: [], waitMs: 0 });
    });

    it("keys an IPv6 client by its /64", async () => {
      const { limiter, pass } = backend().make(WINDOW);
      const login = unique("v6");
      const prefix = `2001:db8:${Math.floor(Math.random() * 65535).toString(16)}:9`;
      for (let i = 0; i < 10; i++) {
        await fail(limiter, keysOf(login, `${prefix}::${i + 1}`), 1, pass);
      }
      const next = await limiter.begin(keysOf(login, `${prefix}:ffff::1`));
      expect(next.exceeded).toEqual([keysOf(login, `${prefix}::1`).pair]);
    });

    it("locks an address after 30 failures across different logins", async () => {
      const { limiter } = backend().make(WINDOW);
      const address = freshAddress();
      for (let i = 0; i < SIGN_IN_MAX_FAILURES_PER_ADDRESS; i++) {
        expect((await limiter.begin(keysOf(unique("user"), address))).exceeded).toEqual([]);
      }
      const fresh = unique("fresh");
      expect((await limiter.begin(keysOf(fresh, address))).exceeded).toEqual([addressKey(address)]);
      expect((await limiter.begin(keysOf(fresh, freshAddress()))).exceeded).toEqual([]);
    });

    it("slows an account down across addresses, longer with each failure", async () => {
      const { limiter, pass } = backend().make(WINDOW);
      const login = unique("admin");
      const waits: number[] = [];
      for (let i = 0; i < 12; i++) {
        const attempt = await limiter.begin(keysOf(login, freshAddress()));
        expect(attempt.exceeded).toEqual([]);
        waits.push(attempt.waitMs);
        if (attempt.waitMs > 0) {
          await attempt.refused();
          await pass(attempt.waitMs);
          expect((await limiter.begin(keysOf(login, freshAddress()))).waitMs).toBe(0);
        }
      }
      expect(waits).toEqual([0, 0, 0, 0, 0, 1000, 2000, 4000, 8000, 16000, 32000, 60000]);
      // Refused attempts are no failures: hammering does not make the wait grow.
      for (let i = 0; i < 5; i++) {
        const early = await limiter.begin(keysOf(login, freshAddress()));
        expect(early.waitMs).toBe(ACCOUNT_MAX_DELAY_MS);
        await early.refused();
      }
      await pass(ACCOUNT_MAX_DELAY_MS - 1000);
      const later = await limiter.begin(keysOf(login, freshAddress()));
      expect(later.waitMs).toBe(1000);
      await later.refused();
      await pass(1000);
      const ownerKeys = keysOf(login, freshAddress());
      const owner = await limiter.begin(ownerKeys);
      expect(owner).toMatchObject({ exceeded: [], waitMs: 0 });
      // The owner's success forgets the account's failures.
      await owner.succeeded(resetOnSuccess(ownerKeys));
      expect((await limiter.begin(keysOf(login, freshAddress()))).waitMs).toBe(0);
    });

    it("forgets a pair's and an account's failures on success, and never counts successes", async () => {
      const { limiter, pass } = backend().make(WINDOW);
      const address = freshAddress();
      const keys = keysOf(unique("zhang"), address);
      await fail(limiter, keys, 9, pass);
      const success = await limiter.begin(keys);
      expect(success.exceeded).toEqual([]);
      await success.succeeded(resetOnSuccess(keys));
      // The pair and the account start again at zero; the address keeps its 9 failures.
      const again = await fail(limiter, keys, 10, pass);
      expect(again.every((attempt) => attempt.exceeded.length === 0)).toBe(true);
      // Many colleagues signing in from one office address never trip its limit.
      for (let i = 0; i < 40; i++) {
        const colleague = keysOf(unique("colleague"), address);
        const attempt = await limiter.begin(colleague);
        expect(attempt.exceeded).toEqual([]);
        await attempt.succeeded(resetOnSuccess(colleague));
      }
      for (let i = 0; i < 11; i++) await limiter.begin(keysOf(unique("x"), address));
      expect((await limiter.begin(keysOf(unique("y"), address))).exceeded).toEqual([
        addressKey(address),
      ]);
    });

    it("lets the pair in again once the window has passed", async () => {
      const windowMs = name === "Redis" ? 400 : WINDOW;
      const { limiter, pass } = backend().make(windowMs);
      const keys = keysOf(unique("liu"), freshAddress());
      for (let i = 0; i < 10; i++) await limiter.begin(keys);
      expect((await limiter.begin(keys)).exceeded).toContain(keys.pair);
      await pass(windowMs + 50);
      expect((await limiter.begin(keys)).exceeded).toEqual([]);
    });
  });
}

describe("the account's delay", () => {
  it("starts after 5 failures, doubles, and stops growing at a minute", () => {
    expect([4, 5, 6, 7, 10, 11, 50].map(accountDelayMs)).toEqual([
      0, 1000, 2000, 4000, 32000, 60000, 60000,
    ]);
  });
});

describe("sign-in limiter (PostgreSQL) housekeeping", () => {
  it("prunes rows older than the window", async () => {
    let now = Date.now();
    const limiter = createPostgresLimiter(testDb.db, { clock: () => new Date(now) });
    for (let i = 0; i < 3; i++) await limiter.begin(keysOf(unique("old"), freshAddress()));
    now += 16 * 60_000;
    await limiter.begin(keysOf(unique("new"), "192.0.2.1"));
    const [row] = await testDb.client<{ old: number }[]>`
      select count(*)::int as old from sign_in_failures
      where failed_at < ${new Date(now - 15 * 60_000).toISOString()}`;
    expect(row?.old).toBe(0);
  });
});

describe.skipIf(!redisAvailable)("the deployment's limiter", () => {
  it("uses Redis when REDIS_URL is set, and PostgreSQL otherwise", async () => {
    const { defaultSignInLimiter } = await import("./sign-in-limiter");
    const login = unique("deployment");
    const key = loginKey(login);
    const keys = keysOf(login, freshAddress());
    const redisKey = `balance-desk:sign-in:${key}`;
    const previous = process.env.REDIS_URL;
    try {
      process.env.REDIS_URL = REDIS_URL;
      await (await defaultSignInLimiter(testDb.db)).begin(keys);
      expect(await redis?.get(redisKey)).toBe("1");
      expect(await redis?.pttl(redisKey)).toBeGreaterThan(14 * 60_000);

      delete process.env.REDIS_URL;
      await (await defaultSignInLimiter(testDb.db)).begin(keys);
      expect(await redis?.get(redisKey)).toBe("1");
      const rows = await testDb.client`select 1 from sign_in_failures where key = ${key}`;
      expect(rows).toHaveLength(1);
    } finally {
      if (previous === undefined) delete process.env.REDIS_URL;
      else process.env.REDIS_URL = previous;
      await redis?.del(redisKey, `${redisKey}:last`);
      const holder = globalThis as { balanceDeskRedis?: Promise<Redis> };
      (await holder.balanceDeskRedis)?.disconnect();
      holder.balanceDeskRedis = undefined;
    }
  });
});
