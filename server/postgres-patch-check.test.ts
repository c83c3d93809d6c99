import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PATCHED_POSTGRES_HASHES, postgresPatchProblem } from "./postgres-patch-check";

const installed = path.resolve(import.meta.dirname, "../node_modules/postgres");
const scratch = mkdtempSync(path.join(tmpdir(), "bd-postgres-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the postgres.js patch check", () => {
  it("accepts the installed driver, patched by npm install", () => {
    expect(postgresPatchProblem(installed)).toBeNull();
  });

  it("names a file that differs from the patched source", () => {
    for (const file of Object.keys(PATCHED_POSTGRES_HASHES)) {
      cpSync(path.join(installed, file), path.join(scratch, file), { recursive: true });
    }
    expect(postgresPatchProblem(scratch)).toBeNull();
    writeFileSync(path.join(scratch, "cjs/src/index.js"), "module.exports = {}\n");
    expect(postgresPatchProblem(scratch)).toContain("cjs/src/index.js");
  });
});
