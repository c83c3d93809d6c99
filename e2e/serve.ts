import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createDb } from "@/db";
import { type EmbeddedServer, startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import { generatePiiKey } from "@/db/pii";
import { ensureBuild } from "@/server/cli/build";
import { nextServerArgs } from "@/server/cli/next-server";
import { seedDemo } from "@/server/cli/seed/demo";
import { adminClient, databaseUrl } from "@/server/testing/urls";
import { assertLocalDatabase, E2E_DATABASE, E2E_PORT, E2E_STATE_FILE } from "./config";

// Started by Playwright as its web server: a fresh demo database, one production build, one
// server. The database URL and keys go to a state file for the fixtures that check the DB.
const log = (line: string) => console.log(`[e2e] ${line}`);

async function main() {
  let embedded: EmbeddedServer | undefined;
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: path.resolve(".data/e2e-pg"),
      port: Number(process.env.E2E_EMBEDDED_PG_PORT ?? 54332),
      password: "balance-desk-e2e",
    });
    serverUrl = embedded.url("postgres");
  }
  assertLocalDatabase(serverUrl);

  const admin = adminClient(serverUrl);
  await admin.unsafe(`drop database if exists ${E2E_DATABASE} with (force)`);
  await admin.unsafe(`create database ${E2E_DATABASE}`);
  await admin.end();
  const url = databaseUrl(serverUrl, E2E_DATABASE);
  await migrateDatabase(url);

  const piiKey = generatePiiKey();
  const { db, client } = createDb(url, { max: 2, statementTimeoutMs: 0 });
  await seedDemo(db, {
    piiKey,
    now: new Date(),
  });
  await client.end();

  mkdirSync(path.dirname(E2E_STATE_FILE), { recursive: true });
  writeFileSync(E2E_STATE_FILE, JSON.stringify({ databaseUrl: url, piiKey }));

  ensureBuild(log);
  const server = spawn(process.execPath, nextServerArgs("start", String(E2E_PORT), "127.0.0.1"), {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: url,
      PII_KEY: piiKey,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      // The specs play the reverse proxy: they set X-Forwarded-For to sign in from addresses
      // of their own (sign-in-protection.spec.ts).
      TRUST_PROXY: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const stop = async () => {
    server.kill("SIGTERM");
    await embedded?.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
  server.on("exit", () => void stop());
}

main().catch((error: unknown) => {
  console.error(`[e2e] 启动失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
