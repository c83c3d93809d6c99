import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import path from "node:path";
import { DATA_DIR } from "../local-config";
import { nextServerArgs } from "../next-server";

// The app under test: the production build served by `next start`, as `npm start` runs it,
// against the bench database (build it first: ensureBuild). Its output goes to a log file so
// that the report stays readable.

export type AppServer = { baseUrl: string; logFile: string; stop: () => Promise<void> };

const READY_TIMEOUT_MS = 60_000;

export async function startAppServer(options: {
  port: number;
  databaseUrl: string;
  piiKey: string;
  log: (line: string) => void;
  // Instances that must accept each other's session cookies share one secret.
  authSecret?: string;
  logName?: string;
}): Promise<AppServer> {
  const { port, log } = options;
  const baseUrl = `http://127.0.0.1:${port}`;
  if (await answers(`${baseUrl}/api/health`)) {
    throw new Error(`port ${port} is already in use; stop what listens there first`);
  }

  const logFile = path.join(DATA_DIR, options.logName ?? "bench-server.log");
  const output = createWriteStream(logFile);
  // Its own process group, so that stopping it also stops any worker `next start` forks.
  const child = spawn(process.execPath, nextServerArgs("start", String(port), "127.0.0.1"), {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      PII_KEY: options.piiKey,
      AUTH_SECRET: options.authSecret ?? randomBytes(32).toString("base64url"),
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  child.stdout?.pipe(output);
  child.stderr?.pipe(output);
  const stop = () => stopProcessGroup(child);

  log(`next start on port ${port} (log ${logFile})`);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await answers(`${baseUrl}/api/ready`))) {
    if (child.exitCode !== null) throw new Error(`next start exited early; see ${logFile}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the app was not ready within ${READY_TIMEOUT_MS / 1000} s; see ${logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { baseUrl, logFile, stop };
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), name);
    } catch {
      // The group is already gone.
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}
