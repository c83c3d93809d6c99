import { z } from "zod";
import { authSecretProblem, piiKeyProblem } from "./secrets";

// The environment, validated once. A missing or malformed variable stops the app with a
// message that names it. `npm start` fills the local defaults (see server/cli/local-config.ts).
//
// Production: every production server (`next start`, NODE_ENV=production) also refuses weak
// secrets (server/secrets.ts); the local default generates strong ones, so it passes. The
// production start (`npm start -- --production`, which sets BALANCE_DESK_MODE=production)
// moreover never falls back to generated secrets or the embedded database: see
// server/cli/start.ts and the README.
const secretCheck =
  (problem: (value: string) => string | null) => (value: string, ctx: z.RefinementCtx) => {
    const message = problem(value);
    if (message) ctx.addIssue({ code: "custom", message });
  };

// Failed exact member lookups (full ID number or phone) a user may make per hour: the limit
// that keeps an exact lookup from serving as an oracle for masked numbers.
const exactLookupLimit = z.coerce.number().int().min(1).max(1000).default(30);

// Read on every lookup rather than through env(), so tests and scripts without a database
// URL or secrets get the same validated value.
export function exactLookupLimitPerHour(vars: NodeJS.ProcessEnv = process.env): number {
  return exactLookupLimit.parse(vars.EXACT_LOOKUP_LIMIT_PER_HOUR);
}

function schemaFor(production: boolean) {
  const secret = z.string({ error: "is required" });
  return z.object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.url({ error: "is required and must be a postgres:// URL" }),
    AUTH_SECRET: production
      ? secret.superRefine(secretCheck(authSecretProblem))
      : secret.min(32, "must be at least 32 characters"),
    PII_KEY: secret.superRefine(secretCheck((value) => piiKeyProblem(value, production))),
    DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
    // How long a request waits for a free connection before it answers 503 (db/pool-gate.ts).
    DB_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(10).max(60_000).default(3000),
    // How many reverse proxies in front of the app append to X-Forwarded-For; 0 ignores the
    // header and takes the socket's address (server/auth/client-address.ts).
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    // Password checks running at once per instance (server/auth/verification-gate.ts).
    SIGN_IN_MAX_VERIFICATIONS: z.coerce.number().int().min(1).max(64).default(4),
    EXACT_LOOKUP_LIMIT_PER_HOUR: exactLookupLimit,
  });
}

export type Env = z.infer<ReturnType<typeof schemaFor>>;

export const PRODUCTION_MODE_VARIABLE = "BALANCE_DESK_MODE";

export function isProductionMode(vars: NodeJS.ProcessEnv = process.env): boolean {
  return vars[PRODUCTION_MODE_VARIABLE] === "production";
}

// Problems as lines that each start with the variable's name; empty when the values are fine.
export function environmentProblems(vars: NodeJS.ProcessEnv): string[] {
  const parsed = parseEnvironment(vars);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

function parseEnvironment(vars: NodeJS.ProcessEnv) {
  return schemaFor(vars.NODE_ENV === "production").safeParse(vars);
}

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = parseEnvironment(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}
