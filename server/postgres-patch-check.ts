import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

// postgres.js 3.4.9 needs server/cli/patch-postgres.ts (applied by `npm install`); 3.4.10 was
// tried and server/api/recovery.test.ts still loses connections without it. A server started
// on an unpatched or differently patched driver would crash or hang when PostgreSQL restarts,
// so every start (npm start, next start, the e2e and bench servers) compares the driver's
// files with these hashes of the patched 3.4.9 sources.
export const PATCHED_POSTGRES_HASHES: Record<string, string> = {
  "src/connection.js": "0ba860e16bba17f31ec98bdd6f8396dac7d83cafeb8d2c41dae61d0f18b75d86",
  "src/index.js": "22799b35a922804a8f3acb2fb2f1e78720f1956a25a16d4ce4bf5263718cf426",
  "cjs/src/connection.js": "aed0cc41a62823c0662e78b5f2aaba6e4df5c2f8c754d8074b2491f1c9583a65",
  "cjs/src/index.js": "9bcbf4f9d4a6ba363e008cb784ceea20ef25c45c523e1a71a84dab225f1276b2",
  "cf/src/connection.js": "4bf506193bdbb4d73459a972cd22cf655364ec8d856bbbff08448f53351b68ca",
  "cf/src/index.js": "78a2c52c9a55a97a91f51b5ff1d5a41ae857d5b82755faba13e78d8184d66d0f",
};

// One sentence naming the first file that differs, or null when the driver is as pinned.
export function postgresPatchProblem(
  packageRoot = path.join(process.cwd(), "node_modules", "postgres"),
): string | null {
  for (const [file, expected] of Object.entries(PATCHED_POSTGRES_HASHES)) {
    const full = path.join(packageRoot, file);
    const actual = existsSync(full)
      ? createHash("sha256").update(readFileSync(full)).digest("hex")
      : "missing";
    if (actual !== expected) {
      return `数据库驱动 postgres 的文件 ${file} 与已修补版本不符，请运行 npm install 重新安装后再启动。 (postgres driver file ${file} is not the patched 3.4.9 source; run npm install.)`;
    }
  }
  return null;
}

// At server start: a driver that differs is reported in one sentence and the server does not
// start.
export function refuseUnpatchedPostgres(): void {
  const problem = postgresPatchProblem();
  if (!problem) return;
  console.error(problem);
  process.exit(1);
}
