import { randomBytes } from "node:crypto";
import { createConnection } from "node:net";
import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import {
  addressKey,
  createPostgresLimiter,
  createRedisLimiter,
  loginKey,
  SIGN_IN_MAX_FAILURES,
  type SignInLimiter,
} from "./sign-in-limiter";

// The same behaviour from both backends. PostgreSQL always runs; Redis runs when a server
// answers on 127.0.0.1:6379 (or REDIS_TEST_URL) and is skipped otherwise. Each backend brings
// its own way to let the window pass: a fake clock for PostgreSQL, a short real window (the
// key's expiry) for Redis.

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
        return {
          limiter: createRedisLimiter(redis as Redis, { windowMs, prefix: redisPrefix }),
          pass: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        };
      },
    }),
  ],
];

// Unique per test and backend: the PostgreSQL table and the Redis prefix are shared per file.
const unique = (name: string) => `${name}-${randomBytes(4).toString("hex")}`;

async function fail(limiter: SignInLimiter, keys: string[], times: number): Promise<string[][]> {
  const exceeded: string[][] = [];
  for (let i = 0; i < times; i++) exceeded.push((await limiter.begin(keys)).exceeded);
  return exceeded;
}

for (const [name, available, backend] of backends) {
  describe.skipIf(!available)(`sign-in limiter (${name})`, () => {
    it("refuses the 11th attempt for an account after 10 failures, from any address", async () => {
      const { limiter } = backend().make(15 * 60_000);
      const login = unique("Wang_Min");
      const account = loginKey(login);
      const [first, second] = [addressKey(unique("a")), addressKey(unique("b"))];
      const results = await fail(limiter, [account, first], 10);
      expect(results.every((exceeded) => exceeded.length === 0)).toBe(true);
      const refused = await limiter.begin([account, second]);
      expect(refused.exceeded).toEqual([account]);
      // The same login typed differently is the same account.
      const upper = await limiter.begin([loginKey(` ${login.toUpperCase()} `)]);
      expect(upper.exceeded).toEqual([account]);
      // Another account from the second address is not affected.
      const other = await limiter.begin([loginKey(unique("li")), second]);
      expect(other.exceeded).toEqual([]);
    });

    it("refuses an address after 10 failures across different accounts", async () => {
      const { limiter } = backend().make(15 * 60_000);
      const address = addressKey(unique("203.0.113.7"));
      for (let i = 0; i < SIGN_IN_MAX_FAILURES; i++) {
        expect((await limiter.begin([loginKey(unique("user")), address])).exceeded).toEqual([]);
      }
      const fresh = loginKey(unique("fresh"));
      expect((await limiter.begin([fresh, address])).exceeded).toEqual([address]);
      expect((await limiter.begin([fresh, addressKey(unique("elsewhere"))])).exceeded).toEqual([]);
    });

    it("forgets an account's failures on success, and never counts successes", async () => {
      const { limiter } = backend().make(15 * 60_000);
      const account = loginKey(unique("zhang"));
      const address = addressKey(unique("office-nat"));
      await fail(limiter, [account, address], 9);
      const success = await limiter.begin([account, address]);
      expect(success.exceeded).toEqual([]);
      await success.succeeded([account]);
      // The account starts again at zero; the address still has its 9 failures.
      const again = await fail(limiter, [account], 10);
      expect(again.every((exceeded) => exceeded.length === 0)).toBe(true);
      // Many colleagues signing in from one office address never trip its limit.
      for (let i = 0; i < 15; i++) {
        const attempt = await limiter.begin([loginKey(unique("colleague")), address]);
        expect(attempt.exceeded).toEqual([]);
        await attempt.succeeded([]);
      }
      expect((await limiter.begin([loginKey(unique("x")), address])).exceeded).toEqual([]);
      expect((await limiter.begin([loginKey(unique("y")), address])).exceeded).toEqual([address]);
    });

    it("lets the account in again once the window has passed", async () => {
      const windowMs = name === "Redis" ? 400 : 15 * 60_000;
      const { limiter, pass } = backend().make(windowMs);
      const account = loginKey(unique("liu"));
      await fail(limiter, [account], 10);
      expect((await limiter.begin([account])).exceeded).toEqual([account]);
      await pass(windowMs + 50);
      expect((await limiter.begin([account])).exceeded).toEqual([]);
    });
  });
}

describe("sign-in limiter (PostgreSQL) housekeeping", () => {
  it("prunes rows older than the window", async () => {
    let now = Date.now();
    const limiter = createPostgresLimiter(testDb.db, { clock: () => new Date(now) });
    await fail(limiter, [loginKey(unique("old"))], 3);
    now += 16 * 60_000;
    await limiter.begin([loginKey(unique("new"))]);
    const [row] = await testDb.client<{ old: number }[]>`
      select count(*)::int as old from sign_in_failures
      where failed_at < ${new Date(now - 15 * 60_000).toISOString()}`;
    expect(row?.old).toBe(0);
  });
});

describe.skipIf(!redisAvailable)("the deployment's limiter", () => {
  it("uses Redis when REDIS_URL is set, and PostgreSQL otherwise", async () => {
    const { defaultSignInLimiter } = await import("./sign-in-limiter");
    const key = loginKey(unique("deployment"));
    const redisKey = `balance-desk:sign-in:${key}`;
    const previous = process.env.REDIS_URL;
    try {
      process.env.REDIS_URL = REDIS_URL;
      await (await defaultSignInLimiter(testDb.db)).begin([key]);
      expect(await redis?.get(redisKey)).toBe("1");
      expect(await redis?.pttl(redisKey)).toBeGreaterThan(14 * 60_000);

      delete process.env.REDIS_URL;
      await (await defaultSignInLimiter(testDb.db)).begin([key]);
      expect(await redis?.get(redisKey)).toBe("1");
      const rows = await testDb.client`select 1 from sign_in_failures where key = ${key}`;
      expect(rows).toHaveLength(1);
    } finally {
      if (previous === undefined) delete process.env.REDIS_URL;
      else process.env.REDIS_URL = previous;
      await redis?.del(redisKey);
      const holder = globalThis as { balanceDeskRedis?: Promise<Redis> };
      (await holder.balanceDeskRedis)?.disconnect();
      holder.balanceDeskRedis = undefined;
    }
  });
});
