import { createHash } from "node:crypto";
import path from "node:path";

// Where the embedded PostgreSQL's binaries and data live, and as whom it runs.
//
// PostgreSQL refuses to run as root, so when the app is started as root the cluster runs as the
// unprivileged `postgres` user. That user must be able to reach the binaries (in node_modules)
// and the data folder (in .data), which fails when the project sits in a private folder such
// as root's home (mode 0700). In that case the binaries are copied, and the data kept, under
// /var/lib/balance-desk/<project>-<hash of its path>/, which only root can write to and
// the postgres user can enter. A folder the postgres user can reach is used where it is, so a
// checkout in /srv or /opt keeps its data in .data as before.

export type Owner = { uid: number; gid: number };
export type PathStat = Owner & { mode: number };

export type ClusterLocation = {
  dataDir: string;
  // The folder holding bin/, lib/ and share/ of the PostgreSQL build.
  binRoot: string;
  // Copy the binaries from here to binRoot first (they sit where the user cannot reach).
  stageFrom: string | null;
  runAs: Owner | null;
};

export const SYSTEM_DATA_ROOT = "/var/lib/balance-desk";

// Whether `user` may enter every folder on the way to `target` (not the target itself).
export function canTraverseTo(
  target: string,
  user: Owner,
  statOf: (folder: string) => PathStat | null,
): boolean {
  const folders: string[] = [];
  for (let folder = path.dirname(target); ; folder = path.dirname(folder)) {
    folders.push(folder);
    if (path.dirname(folder) === folder) break;
  }
  return folders.every((folder) => {
    const stat = statOf(folder);
    // A folder that does not exist yet is created by root with the usual 0755.
    if (!stat) return true;
    const bit = stat.uid === user.uid ? 0o100 : stat.gid === user.gid ? 0o010 : 0o001;
    return (stat.mode & bit) !== 0;
  });
}

// The folder for one project's clusters, readable as the project's name.
export function systemFolderFor(dataDir: string): string {
  const project = path.dirname(path.dirname(dataDir));
  const hash = createHash("sha256").update(project).digest("hex").slice(0, 10);
  const name = path.basename(project).replace(/[^A-Za-z0-9._-]/g, "_") || "project";
  return path.join(SYSTEM_DATA_ROOT, `${name}-${hash}`);
}

export function clusterLocation(options: {
  dataDir: string;
  binRoot: string;
  // The postgres user's ids when the app runs as root, else null.
  postgresUser: Owner | null;
  // Tells the binaries of different installs apart (their path and build).
  binaryVersion: string;
  statOf: (folder: string) => PathStat | null;
}): ClusterLocation {
  const { dataDir, binRoot, postgresUser, statOf } = options;
  if (!postgresUser) return { dataDir, binRoot, stageFrom: null, runAs: null };
  const base = systemFolderFor(dataDir);
  const binariesReachable = canTraverseTo(
    path.join(binRoot, "bin", "postgres"),
    postgresUser,
    statOf,
  );
  return {
    dataDir: canTraverseTo(dataDir, postgresUser, statOf)
      ? dataDir
      : path.join(base, path.basename(dataDir)),
    binRoot: binariesReachable ? binRoot : path.join(base, `postgres-${options.binaryVersion}`),
    stageFrom: binariesReachable ? null : binRoot,
    runAs: postgresUser,
  };
}
