import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Policy is data: reform dates, the end of the insurance year, hotlines and issuers differ by
// region and change over time, so they come from the regional settings (region_policy_settings),
// never from a constant in the code. The one place such figures are written is the demo's
// settings (server/cli/seed/policy-values.ts); the migrations hold the national defaults, and
// tests and their helpers (server/testing/) state the cases they check.

const ROOT = path.resolve(import.meta.dirname, "..");
const FOLDERS = ["app", "server", "db"];
const ALLOWED = new Set(["server/cli/seed/policy-values.ts"]);
const FORBIDDEN = [
  { pattern: /2022-07-01/, why: "a reform date" },
  { pattern: /06-30/, why: "a 30 June insurance-year end" },
  { pattern: /6\s*月底/, why: "a June insurance-year end" },
  { pattern: /医疗保障局/, why: "an issuing body (letters come from the region's 经办机构)" },
];

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.includes(`${path.sep}migrations${path.sep}`))
    .filter((file) => !/\.test\.tsx?$/.test(file) && !file.startsWith(`server${path.sep}testing`));
}

describe("policy values in the code", () => {
  it("appear only in the demo settings, never as constants", () => {
    const found: string[] = [];
    const files = FOLDERS.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      if (ALLOWED.has(file)) continue;
      const lines = readFileSync(path.join(ROOT, file), "utf8").split("\n");
      lines.forEach((line, index) => {
        for (const { pattern, why } of FORBIDDEN) {
          if (pattern.test(line)) found.push(`${file}:${index + 1} ${why}: ${line.trim()}`);
        }
      });
    }
    expect(found).toEqual([]);
  });
});
