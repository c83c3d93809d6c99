import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CaseResult } from "./bench-measure";

// The printed table and the JSON file. Milliseconds with two decimals: the floors of the
// rollup queries are around a millisecond, so whole milliseconds would hide the ratio.

export type Machine = {
  cpu: string;
  cpus: number;
  memoryGiB: number;
  node: string;
  postgres: string;
  platform: string;
};

export type DataSize = { enquiries: number; databaseSize: string };

export function describeMachine(postgres: string): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cpus: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    postgres,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

const ms = (value: number | null | undefined) => (value == null ? "—" : value.toFixed(2));

const HEADER = [
  "name",
  "HTTP p50",
  "HTTP p95",
  "floor p50",
  "floor p95",
  "p50 − floor",
  "ratio",
  "target",
  "result",
];

export function formatTable(results: CaseResult[]): string {
  const rows = results.map((r) => [
    r.name,
    ms(r.http.p50),
    ms(r.http.p95),
    ms(r.floor?.p50),
    ms(r.floor?.p95),
    ms(r.overheadMs),
    r.ratio == null ? "—" : `${r.ratio.toFixed(1)}×`,
    r.target,
    r.pass === null ? "info" : r.pass ? "PASS" : "FAIL ✗",
  ]);
  const widths = HEADER.map((_, i) => Math.max(...[HEADER, ...rows].map((row) => width(row[i]))));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? padEnd(cell, widths[i]) : padStart(cell, widths[i])))
      .join(" | ");
  const rule = widths.map((w) => "-".repeat(w)).join("-|-");
  return [line(HEADER), rule, ...rows.map(line)].join("\n");
}

export function writeResults(
  file: string,
  report: {
    startedAt: string;
    options: { size: number; iterations: number; warmup: number };
    machine: Machine;
    data: DataSize;
    results: CaseResult[];
  },
) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}

// Terminal columns: CJK characters take two.
function width(text = ""): number {
  let columns = 0;
  for (const char of text) columns += /[\u3000-\u9fff\uff00-\uffef]/.test(char) ? 2 : 1;
  return columns;
}

const padEnd = (text: string, to = 0) => text + " ".repeat(Math.max(0, to - width(text)));
const padStart = (text: string, to = 0) => " ".repeat(Math.max(0, to - width(text))) + text;
