import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { migrateDatabase } from "@/db/migrate";
import { environmentProblems, isProductionMode, PRODUCTION_MODE_VARIABLE } from "../env";
import { ensureBuild } from "./build";
import { prepareDatabase, redactUrl, seedIfEmpty } from "./database";
import { loadLocalConfig } from "./local-config";
import { listenHost, nextServerArgs, serverUrl } from "./next-server";
import { patchPostgres, postgresPatched } from "./patch-postgres";

// `npm start`: database (embedded unless DATABASE_URL is set), migrations, demo data on first
// start (with DATABASE_URL only when asked with --demo), a build when the sources changed, then
// the production server. Ctrl-C stops both. The server listens on 127.0.0.1 in every mode
// unless HOST names another address: the local default has demo accounts whose password is
// published, and a deployment sits behind a reverse proxy on the same host or sets HOST.
//
// `npm start -- --production` (or BALANCE_DESK_MODE=production): for a real deployment. Nothing
// is generated or assumed: DATABASE_URL, AUTH_SECRET and PII_KEY come from the environment and
// must pass the checks of server/env.ts, no demo data is written, and the build made by
// `npm run build` is served as it is.
const log = (line: string) => console.log(`[个账咨询台] ${line}`);
const dev = process.argv.includes("--dev");
const production = process.argv.includes("--production") || isProductionMode();
const port = process.env.PORT ?? "3000";
const host = listenHost();

async function main() {
  // Without the driver fix a PostgreSQL restart can take the server down (patch-postgres.ts).
  // An install made with --ignore-scripts lacks it: patched here locally, refused in production.
  if (!postgresPatched()) {
    if (production) throw new Error("postgres 驱动未打补丁：请运行 npm run postinstall 后再启动");
    patchPostgres(log);
  }
  const database = production ? await prepareProduction() : await prepareLocal();

  const server = spawn(process.execPath, nextServerArgs(dev ? "dev" : "start", port, host), {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: "1" },
  });
  log(`服务地址 ${serverUrl(host, port)}（按 Ctrl-C 停止）`);

  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    server.kill("SIGTERM");
    await database.stop();
    log("已停止。");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  server.on("exit", (code) => void shutdown(code ?? 0));
}

async function prepareLocal() {
  const local = loadLocalConfig();
  process.env.AUTH_SECRET ??= local.authSecret;
  process.env.PII_KEY ??= local.piiKey;
  const database = await prepareDatabase(local, log);
  // The server checks its environment on the first request; a value given here that it would
  // refuse (a weak AUTH_SECRET, say) is better reported now.
  if (!dev) refuseOnProblems({ ...process.env, DATABASE_URL: database.url });
  // The embedded database is the demo; a database of one's own gets demo data only on request.
  const demo = !process.env.DATABASE_URL || process.argv.includes("--demo");
  await seedIfEmpty(database.url, process.env.PII_KEY, log, { demo });
  if (!dev) ensureBuild(log);
  return database;
}

async function prepareProduction() {
  if (dev) throw new Error("--dev and --production exclude each other");
  process.env[PRODUCTION_MODE_VARIABLE] = "production";
  refuseOnProblems(process.env);
  if (!existsSync(path.join(".next", "BUILD_ID"))) {
    throw new Error("生产模式需要先构建：请先运行 npm run build");
  }
  const url = process.env.DATABASE_URL as string;
  // The database is the operator's: it must exist; only the migrations are applied here.
  log(`生产模式：数据库 ${redactUrl(url)}，应用迁移…`);
  await migrateDatabase(url);
  return { url, stop: async () => {} };
}

function refuseOnProblems(vars: NodeJS.ProcessEnv) {
  const problems = environmentProblems({ ...vars, NODE_ENV: "production" });
  if (problems.length === 0) return;
  console.error(`[个账咨询台] 环境变量不符合生产要求，拒绝启动：\n  ${problems.join("\n  ")}`);
  process.exit(1);
}

// One sentence, never a stack trace: each failure here says what to do in its message.
main().catch((error: unknown) => {
  console.error(`[个账咨询台] 启动失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
