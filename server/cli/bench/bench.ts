import { mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb } from "@/db";
import { DEMO_PASSWORD } from "@/server/cli/seed/demo";
import { ensureBuild } from "../build";
import { DATA_DIR } from "../local-config";
import {
  analyticsCases,
  type CheckedCase,
  createCase,
  diagnosticCases,
  listCases,
  loadBenchUser,
  transportCase,
} from "./cases";
import { describeLoader, prepareBenchDatabase, startBenchServer } from "./database";
import { BrowserSession } from "./http";
import { type CaseResult, measure } from "./measure";
import {
  busyWarning,
  type DataSize,
  describeMachine,
  formatTable,
  summariseLoad,
  writeResults,
} from "./report";
import { startAppServer } from "./server";

// `npm run bench [-- --size N --iterations N --warmup N --fresh --load-only]`: the performance
// targets, measured on a database of N enquiries (default a million) through the production
// server, each against its floor (the same domain function called directly) in the same run. It
// is a report: the exit code is 0 whether or not the targets are met; failures are marked FAIL.
// With --load-only it prepares and loads the database, prints the loader's figures and stops.

const log = (line: string) => console.log(`[bench] ${line}`);
const RESULTS_FILE = path.join(DATA_DIR, "bench-results.json");
const APP_PORT = Number(process.env.BENCH_PORT ?? 3200);

function readOptions() {
  const { values } = parseArgs({
    options: {
      size: { type: "string", default: "1000000" },
      iterations: { type: "string", default: "200" },
      warmup: { type: "string", default: "30" },
      reuse: { type: "boolean", default: true },
      fresh: { type: "boolean", default: false },
      "load-only": { type: "boolean", default: false },
    },
  });
  const whole = (name: string, raw: string, min: number) => {
    const value = Number(raw.replaceAll("_", ""));
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be ≥ ${min}`);
    return value;
  };
  return {
    size: whole("size", values.size, 2400),
    iterations: whole("iterations", values.iterations, 1),
    warmup: whole("warmup", values.warmup, 0),
    fresh: values.fresh || !values.reuse,
    loadOnly: values["load-only"],
  };
}

// What was started, stopped in reverse order on the way out, whichever way that is.
const cleanups: (() => Promise<unknown>)[] = [];
let cleaning: Promise<void> | undefined;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) {
      await step().catch((error: unknown) => log(`cleanup: ${String(error)}`));
    }
  })();
  return cleaning;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    void cleanUp().then(() => process.exit(130));
  });
}

async function main() {
  const options = readOptions();
  const startedAt = new Date().toISOString();
  mkdirSync(DATA_DIR, { recursive: true });

  // Built before anything else: this process has just loaded the domain code it calls for the
  // floors, and the build should be of the same sources.
  if (!options.loadOnly) ensureBuild(log);
  const pg = await startBenchServer(log);
  cleanups.push(pg.stop);
  const database = await prepareBenchDatabase(pg.serverUrl, { ...options, log });
  const loaderLine = database.loader
    ? `${describeLoader(database.loader)}${database.reused ? " (when this database was loaded)" : ""}`
    : "load: no figures recorded for this database";
  if (options.loadOnly) {
    console.log(loaderLine);
    return;
  }
  const app = await startAppServer({
    port: APP_PORT,
    databaseUrl: database.url,
    piiKey: database.piiKey,
    log,
  });
  cleanups.push(app.stop);
  // The same pool settings as the app's (DB_POOL_MAX and DB_STATEMENT_TIMEOUT_MS defaults).
  const { db, client } = createDb(database.url);
  cleanups.push(() => client.end());

  const manager = await loadBenchUser(db, "manager");
  const caseworker = await loadBenchUser(db, "xa_caseworker");
  const sessions = {
    manager: new BrowserSession(app.baseUrl),
    caseworker: new BrowserSession(app.baseUrl),
  };
  await sessions.manager.signIn("manager", DEMO_PASSWORD);
  await sessions.caseworker.signIn("xa_caseworker", DEMO_PASSWORD);
  log("signed in as manager and xa_caseworker");

  // The enquiries the create case files are removed afterwards, so a reused database keeps
  // its size; creating comes last so that the other cases read the loaded data only.
  const created: number[] = [];
  cleanups.push(async () => {
    if (created.length > 0) await client`delete from enquiries where id = any(${created})`;
  });
  const transport = await transportCase();
  cleanups.push(transport.close);
  const cases: CheckedCase[] = [
    transport.bench,
    ...diagnosticCases(db, manager, sessions.manager),
    ...analyticsCases(db, manager.actor, sessions.manager),
    ...listCases(
      db,
      { caseworker: caseworker.actor, manager: manager.actor },
      { caseworker: sessions.caseworker, manager: sessions.manager },
    ),
    await createCase(db, caseworker.actor, sessions.caseworker, created),
  ];

  const results: CaseResult[] = [];
  const warnings: string[] = [];
  // The one-minute load average after each case: what else ran on the machine meanwhile.
  const loadSamples: number[] = [];
  for (const bench of cases) {
    await bench.verify().catch((error: unknown) => warnings.push(errorText(error)));
    try {
      const result = await measure(bench, options);
      results.push(result);
      log(`${bench.name}: p50 ${result.http.p50.toFixed(2)} ms`);
      loadSamples.push(os.loadavg()[0] ?? 0);
    } catch (error) {
      warnings.push(`${bench.name} not measured: ${errorText(error)}`);
    }
  }
  const load = summariseLoad(loadSamples);
  const busy = busyWarning(load);
  if (busy) warnings.push(busy);
  if (created.length > 0) {
    await client`delete from enquiries where id = any(${created})`;
    created.length = 0;
  }

  const [info] = await client<{ version: string; enquiries: number; size: string }[]>`
    select current_setting('server_version') as version,
      (select count(*) from enquiries)::int as enquiries,
      pg_size_pretty(pg_database_size(current_database())) as size`;
  const machine = describeMachine(info?.version ?? "unknown");
  const data: DataSize = { enquiries: info?.enquiries ?? 0, databaseSize: info?.size ?? "?" };
  writeResults(RESULTS_FILE, {
    startedAt,
    options,
    machine,
    load,
    data,
    loader: database.loader,
    results,
    warnings,
  });

  console.log("");
  console.log(
    `machine: ${machine.cpu} × ${machine.cpus}, ${machine.memoryGiB} GiB, Node ${machine.node}, ` +
      `PostgreSQL ${machine.postgres}, ${machine.platform}; load average while measuring ` +
      `${load.min.toFixed(2)}–${load.max.toFixed(2)} (median ${load.median.toFixed(2)})`,
  );
  console.log(
    `data: ${data.enquiries.toLocaleString("en")} enquiries, database ${data.databaseSize}` +
      `${database.reused ? " (reused)" : ""}; ${options.warmup} warm-up + ${options.iterations} ` +
      "timed calls each, sequential; times in ms",
  );
  console.log(loaderLine);
  console.log("");
  console.log(formatTable(results));
  console.log("");
  for (const warning of warnings) console.log(`WARNING: ${warning}`);
  const failed = results.filter((r) => r.pass === false).map((r) => r.name);
  console.log(
    failed.length > 0
      ? `FAIL: ${failed.length} target(s) missed: ${failed.join(", ")}`
      : "All targets met.",
  );
  console.log(`results written to ${path.relative(process.cwd(), RESULTS_FILE)}`);
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

main()
  .then(cleanUp)
  .then(() => process.exit(0))
  .catch(async (error: unknown) => {
    console.error(error);
    await cleanUp();
    process.exit(1);
  });
