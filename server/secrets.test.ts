import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { environmentProblems } from "./env";
import { authSecretProblem, piiKeyProblem } from "./secrets";

const strongSecret = () => randomBytes(32).toString("base64url");
const strongKey = () => randomBytes(32).toString("base64");
const URL = "postgres://balance:pw@db.internal:5432/balance_desk";

describe("authSecretProblem", () => {
  it("accepts generated secrets (base64, base64url, hex)", () => {
    for (let i = 0; i < 50; i += 1) {
      expect(authSecretProblem(strongSecret())).toBeNull();
      expect(authSecretProblem(randomBytes(32).toString("base64"))).toBeNull();
      expect(authSecretProblem(randomBytes(32).toString("hex"))).toBeNull();
    }
  });

  it.each([
    ["short", "k3J9-xQ2mP7vL0aZ"],
    ["one character", "a".repeat(64)],
    ["a repeated word", "secret12".repeat(6)],
    ["a run of the alphabet", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ"],
    ["too few characters", "ab12ba21ab12ab21ba21ab12ba21ab21ab12"],
    ["a placeholder", "change-me-to-a-long-random-string-please"],
    ["a documentation value", "your-secret-here-at-least-32-characters-long"],
    ["the test suite's value", "test-only-auth-secret-with-enough-length-0123456789"],
  ])("refuses %s", (_, value) => {
    expect(authSecretProblem(value)).toMatch(/openssl rand -base64 32/);
  });
});

describe("piiKeyProblem", () => {
  it("accepts 32 random bytes in base64, with or without padding, and base64url", () => {
    const bytes = randomBytes(32);
    expect(piiKeyProblem(bytes.toString("base64"), true)).toBeNull();
    expect(piiKeyProblem(bytes.toString("base64").replace(/=$/, ""), true)).toBeNull();
    expect(piiKeyProblem(bytes.toString("base64url"), true)).toBeNull();
  });

  it("refuses malformed keys everywhere", () => {
    expect(piiKeyProblem(randomBytes(32).toString("hex"), false)).toMatch(/is hex/);
    expect(piiKeyProblem(randomBytes(31).toString("base64"), false)).toMatch(/32 bytes/);
    expect(piiKeyProblem(randomBytes(48).toString("base64"), false)).toMatch(/32 bytes/);
    // Node's decoder would skip the stray characters and silently use other bytes.
    expect(piiKeyProblem(`${strongKey().slice(0, 40)} !#=`, false)).toMatch(/32 bytes/);
    expect(piiKeyProblem("", false)).toMatch(/32 bytes/);
  });

  it("refuses keys that are not random in production only", () => {
    const zeros = Buffer.alloc(32).toString("base64");
    const text = Buffer.from("test-only-pii-key-32-bytes-long!").toString("base64");
    expect(piiKeyProblem(zeros, true)).toMatch(/not random/);
    expect(piiKeyProblem(text, true)).toMatch(/not random/);
    expect(piiKeyProblem(text, false)).toBeNull();
  });
});

describe("environmentProblems", () => {
  const production = { NODE_ENV: "production" } as const;

  it("accepts a complete production environment", () => {
    expect(
      environmentProblems({
        ...production,
        DATABASE_URL: URL,
        AUTH_SECRET: strongSecret(),
        PII_KEY: strongKey(),
      }),
    ).toEqual([]);
  });

  it("names every missing or weak variable", () => {
    const missing = environmentProblems({ ...production });
    expect(missing.map((line) => line.split(":")[0]).sort()).toEqual([
      "AUTH_SECRET",
      "DATABASE_URL",
      "PII_KEY",
    ]);
    const weak = environmentProblems({
      ...production,
      DATABASE_URL: URL,
      AUTH_SECRET: "x".repeat(40),
      PII_KEY: Buffer.alloc(32, 7).toString("base64"),
    });
    expect(weak).toHaveLength(2);
    expect(weak[0]).toMatch(/^AUTH_SECRET: is too regular/);
    expect(weak[1]).toMatch(/^PII_KEY: is not random/);
  });

  it("leaves development and tests their fixed local values", () => {
    const local = {
      DATABASE_URL: URL,
      AUTH_SECRET: "test-only-auth-secret-with-enough-length-0123456789",
      PII_KEY: Buffer.from("test-only-pii-key-32-bytes-long!").toString("base64"),
    };
    expect(environmentProblems({ ...local, NODE_ENV: "test" })).toEqual([]);
    expect(environmentProblems({ ...local, NODE_ENV: "development" })).toEqual([]);
    expect(environmentProblems({ ...local, NODE_ENV: "production" })).toHaveLength(2);
  });

  it("bounds the pool settings", () => {
    const base = {
      NODE_ENV: "test",
      DATABASE_URL: URL,
      AUTH_SECRET: strongSecret(),
      PII_KEY: strongKey(),
    } as const;
    expect(environmentProblems({ ...base, DB_ACQUIRE_TIMEOUT_MS: "0" })[0]).toMatch(
      /^DB_ACQUIRE_TIMEOUT_MS/,
    );
    expect(environmentProblems({ ...base, DB_POOL_MAX: "1000" })[0]).toMatch(/^DB_POOL_MAX/);
  });
});
