import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { LoaderFigures } from "./database";
import type { CaseResult } from "./measure";

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

export type LoadSummary = { min: number; median: number; max: number };

export function summariseLoad(samples: number[]): LoadSummary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    min: sorted[0] ?? 0,
    median: sorted[Math.floor(sorted.length / 2)] ?? 0,
    max: sorted.at(-1) ?? 0,
  };
}

// Sequential calls keep about one core busy; a load well above that means other work shared
// the machine. The median, since the first samples still carry the build's load if there was one.
export function busyWarning(load: LoadSummary): string | null {
  const cpus = os.cpus().length;
  if (load.median <= cpus / 2 + 1) return null;
  return (
    `the machine was busy (load average ${load.median.toFixed(2)} on ${cpus} CPUs): other ` +
    "processes shared it, so the times are inflated; run again on a quiet machine"
  );
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
  "bytes",
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
    r.responseBytes == null ? "—" : String(r.responseBytes),
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
    load: LoadSummary;
    data: DataSize;
    loader: LoaderFigures | null;
    results: CaseResult[];
    warnings: string[];
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
