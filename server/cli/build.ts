import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
export const NEXT_BIN = require.resolve("next/dist/bin/next");

const SOURCE_ROOTS = ["app", "server", "db"];
const SOURCE_FILES = [
  "package-lock.json",
  "next.config.ts",
  "tsconfig.json",
  "proxy.ts",
  "instrumentation.ts",
];
const STAMP = path.join(".next", "source-hash");

// A build is reused only if it was made from the sources now on disk, so pulling new code and
// running `npm start` never serves a stale build.
export function ensureBuild(log: (line: string) => void): void {
  const hash = sourceHash();
  if (existsSync(path.join(".next", "BUILD_ID")) && readStamp() === hash) return;
  log("构建应用（首次约需一分钟）…");
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) {
    throw new Error(
      "构建失败（原因见上面的输出），修正后请重新运行 npm start。 The build failed (see above).",
    );
  }
  writeFileSync(STAMP, hash);
}

function readStamp(): string | null {
  return existsSync(STAMP) ? readFileSync(STAMP, "utf8") : null;
}

function sourceHash(): string {
  const digest = createHash("sha256");
  const files = [...SOURCE_FILES.filter((f) => existsSync(f))];
  for (const root of SOURCE_ROOTS) files.push(...walk(root));
  for (const file of files.sort()) {
    digest.update(file).update(readFileSync(file));
  }
  return digest.digest("hex");
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return walk(full);
    return /\.test\.tsx?$/.test(name) ? [] : [full];
  });
}
