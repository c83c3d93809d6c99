import { spawn } from "node:child_process";
import { ensureBuild, NEXT_BIN } from "./build";
import { prepareDatabase, seedIfEmpty } from "./database";
import { loadLocalConfig } from "./local-config";

// `npm start`: database (embedded unless DATABASE_URL is set), migrations, demo data on first
// start, a build when the sources changed, then the production server. Ctrl-C stops both.
const log = (line: string) => console.log(`[个账咨询台] ${line}`);
const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";

async function main() {
  const local = loadLocalConfig();
  process.env.AUTH_SECRET ??= local.authSecret;
  process.env.PII_KEY ??= local.piiKey;

  const database = await prepareDatabase(local, log);
  await seedIfEmpty(database.url, process.env.PII_KEY, log);
  if (!dev) ensureBuild(log);

  const server = spawn(process.execPath, [NEXT_BIN, dev ? "dev" : "start", "-p", port], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: "1" },
  });
  log(`服务地址 http://localhost:${port}（按 Ctrl-C 停止）`);

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

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
