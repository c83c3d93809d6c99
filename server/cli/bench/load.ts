import { mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { and, eq, inArray, sql } from "drizzle-orm";
import { createDb } from "@/db";
import { type EmbeddedServer, startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import { generatePiiKey } from "@/db/pii";
import { enquiries, members, users } from "@/db/schema";
import { DEMO_PASSWORD, seedDemo } from "@/server/cli/seed/demo";
import { adminClient, databaseUrl } from "@/server/testing/urls";
import { inScope } from "../../domain/region-scope";
import { ensureBuild } from "../build";
import { DATA_DIR } from "../local-config";
import { BrowserSession } from "./http";
import { createLoadMix, KINDS, type KindStats, type LoadUser } from "./load-mix";
import { startAppServer } from "./server";

// `npm run load [-- --connections 50 --duration 60]`: many signed-in users at once against a
// production build, on a fresh demo database of its own (embedded PostgreSQL in .data/load-pg,
// port 54334). Reads and writes mixed (server/cli/load-mix.ts). Prints latency, throughput and
// status counts; exits 1 if any response was a server error (≥ 500) or the connection failed.
// It builds the app first when the sources changed (the same .next folder as npm test uses).

const log = (line: string) => console.log(`[load] ${line}`);
const DATABASE = "balance_desk_load";
const PG_PORT = Number(process.env.LOAD_EMBEDDED_PG_PORT ?? 54334);
const LOGINS = ["xa_caseworker", "ls_caseworker", "sh_caseworker", "manager"];

function readOptions() {
  const { values } = parseArgs({
    options: {
      connections: { type: "string", default: "50" },
      duration: { type: "string", default: "60" },
      port: { type: "string", default: process.env.LOAD_PORT ?? "3300" },
    },
  });
  const whole = (name: string, raw: string) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number`);
    return value;
  };
  return {
    connections: whole("connections", values.connections),
    duration: whole("duration", values.duration),
    port: whole("port", values.port),
  };
}

const cleanups: (() => Promise<unknown>)[] = [];
async function cleanUp() {
  for (const step of cleanups.splice(0).reverse()) {
    await step().catch((error: unknown) => log(`cleanup: ${String(error)}`));
  }
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void cleanUp().then(() => process.exit(130)));
}

async function prepareDatabase(): Promise<{ url: string; piiKey: string }> {
  const dataDir = path.join(DATA_DIR, "load-pg");
  log(`embedded PostgreSQL on port ${PG_PORT} (data ${dataDir})`);
  const server: EmbeddedServer = await startEmbeddedPostgres({
    dataDir,
    port: PG_PORT,
    password: "balance-desk-load",
    log,
  });
  cleanups.push(server.stop);
  const serverUrl = server.url("postgres");
  // A fresh copy of the demo data each run, so that runs compare and writes do not pile up.
  const admin = adminClient(serverUrl);
  try {
    await admin.unsafe(`drop database if exists ${DATABASE} with (force)`);
    await admin.unsafe(`create database ${DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(serverUrl, DATABASE);
  await migrateDatabase(url);
  const piiKey = generatePiiKey();
  const { db, client } = createDb(url, { max: 2, statementTimeoutMs: 0 });
  try {
    const summary = await seedDemo(db, {
      piiKey,
      now: new Date(),
    });
    log(`demo data: ${summary.enquiries} enquiries`);
  } finally {
    await client.end();
  }
  return { url, piiKey };
}

// Members and open enquiries of each caseworker's region, for the writes.
async function loadUsers(url: string, baseUrl: string): Promise<LoadUser[]> {
  const { db, client } = createDb(url, { max: 2 });
  try {
    const result: LoadUser[] = [];
    for (const login of LOGINS) {
      const [user] = await db
        .select({ role: users.role, scope: users.regionScope })
        .from(users)
        .where(eq(users.login, login));
      if (!user) throw new Error(`demo user ${login} missing`);
      const session = new BrowserSession(baseUrl);
      await session.signIn(login, DEMO_PASSWORD);
      const memberRows = await db
        .select({ id: members.id })
        .from(members)
        .where(inScope(members.regionCode, user.scope))
        .limit(50);
      const enquiryRows = await db
        .select({ id: enquiries.id, version: enquiries.version })
        .from(enquiries)
        .where(
          and(
            inScope(enquiries.regionCode, user.scope),
            inArray(enquiries.status, ["open", "in_progress"]),
          ),
        )
        .orderBy(sql`random()`)
        .limit(30);
      result.push({
        login,
        role: user.role === "caseworker" ? "caseworker" : "manager",
        cookie: session.cookieHeader(),
        memberIds: memberRows.map((r) => r.id),
        enquiries: enquiryRows.map((r) => ({ ...r, stale: false })),
      });
    }
    return result;
  } finally {
    await client.end();
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

function printKinds(stats: Map<string, KindStats>) {
  console.log("request mix (latency as seen by the load tool, ms):");
  for (const kind of KINDS) {
    const entry = stats.get(kind);
    if (!entry) continue;
    const sorted = [...entry.latencies].sort((a, b) => a - b);
    const statuses = [...entry.statuses].map(([status, n]) => `${status}×${n}`).join(" ");
    console.log(
      `  ${kind.padEnd(8)} ${String(entry.count).padStart(7)}  p50 ${percentile(sorted, 50).toFixed(1).padStart(7)}` +
        `  p99 ${percentile(sorted, 99).toFixed(1).padStart(7)}  ${statuses}`,
    );
  }
}

async function main() {
  const options = readOptions();
  mkdirSync(DATA_DIR, { recursive: true });
  ensureBuild(log);
  const database = await prepareDatabase();
  const app = await startAppServer({
    port: options.port,
    databaseUrl: database.url,
    piiKey: database.piiKey,
    logName: "load-server.log",
    log,
  });
  cleanups.push(app.stop);
  const loadUsersList = await loadUsers(database.url, app.baseUrl);
  log(`signed in: ${loadUsersList.map((u) => u.login).join(", ")}`);

  const mix = createLoadMix(app.baseUrl, loadUsersList);
  log(`${options.connections} connections for ${options.duration} s`);
  const result = await autocannon({
    url: app.baseUrl,
    connections: options.connections,
    duration: options.duration,
    timeout: 20,
    requests: [{ setupRequest: mix.setupRequest, onResponse: mix.onResponse }],
  });

  // Counted twice, by the load tool and by the mix's own response hook; the larger one wins.
  const byTool = Object.entries(result.statusCodeStats ?? {})
    .filter(([status]) => Number(status) >= 500)
    .reduce((sum, [, stat]) => sum + (stat.count ?? 0), 0);
  const byMix = [...mix.stats.values()]
    .flatMap((entry) => [...entry.statuses])
    .filter(([status]) => status >= 500)
    .reduce((sum, [, count]) => sum + count, 0);
  const serverErrors = Math.max(byTool, byMix, result["5xx"]);
  console.log("");
  console.log(
    `requests: ${result.requests.total} in ${result.duration.toFixed(1)} s, ` +
      `${result.requests.average.toFixed(1)} requests/s; latency p50 ${result.latency.p50} ms, ` +
      `p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
  );
  console.log(
    `non-2xx: ${result.non2xx}; ≥ 500: ${serverErrors}; connection errors: ${result.errors} ` +
      `(timeouts ${result.timeouts})`,
  );
  printKinds(mix.stats);
  // What else ran on the machine meanwhile: the numbers mean little on a busy one.
  const [one, five] = os.loadavg();
  console.log(
    `machine: ${os.cpus().length} CPUs, load average ${one?.toFixed(2)} (1 min), ${five?.toFixed(2)} (5 min)`,
  );
  const failed = serverErrors > 0 || result.errors > 0;
  console.log(failed ? "FAIL: server errors under load" : "OK: no server errors");
  await cleanUp();
  process.exit(failed ? 1 : 0);
}

main().catch(async (error: unknown) => {
  console.error(error);
  await cleanUp();
  process.exit(1);
});
