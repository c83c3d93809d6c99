import { z } from "zod";
import { CAUSE_CODES, type Cause, CHANNEL_CODES, SYMPTOM_CODES } from "@/db/constants";
import { codeList } from "./code-list";
import { regionCode } from "./fields";
import { calendarMonth } from "./text";

// The analytics contract, shared by the dashboard, the router, the export and the benchmark.
// Months are calendar months in Asia/Shanghai, written "YYYY-MM".

const month = calendarMonth("月份格式应为 YYYY-MM");

export const analyticsFilter = z
  .strictObject({
    from: month,
    to: month,
    // A province or city code; absent = the caller's whole scope.
    regionCode: regionCode.optional(),
    causes: codeList(CAUSE_CODES).optional(),
    symptoms: codeList(SYMPTOM_CODES).optional(),
    channels: codeList(CHANNEL_CODES).optional(),
  })
  .refine((f) => f.from <= f.to, { message: "开始月份不能晚于结束月份", path: ["to"] })
  .refine((f) => monthsBetween(f.from, f.to) <= 60, {
    message: "统计区间最长60个月",
    path: ["from"],
  });
export type AnalyticsFilter = z.infer<typeof analyticsFilter>;

export const heatmapInput = z.strictObject({
  filter: analyticsFilter,
  cause: z.enum(CAUSE_CODES).optional(),
});

export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

export type CauseCounts = Record<Cause, number>;

// Cause frequency counts cause tags: an enquiry tagged with two causes counts once for each.
export type ByMonthResult = {
  months: string[];
  rows: { month: string; counts: CauseCounts; tags: number }[];
};

// One row per child region of the filter's region (provinces when none, a province's cities).
export type ByRegionResult = {
  level: "province" | "city";
  rows: { regionCode: string; regionName: string; counts: CauseCounts; tags: number }[];
};

export type HeatmapResult = {
  months: string[];
  regions: { code: string; name: string }[];
  cells: { regionCode: string; month: string; count: number }[];
  max: number;
};

export type CauseShareResult = { cause: Cause; count: number; share: number }[];

// Enquiry-level figures count each enquiry once; the cause filter applies to its primary cause.
export type KpiResult = {
  enquiries: number;
  previousEnquiries: number;
  // null when the previous period had no enquiries.
  change: number | null;
  openBacklog: number;
  medianResolveHours: number | null;
  onTimeShare: number | null;
  satisfactionRate: number | null;
};

// 异常波动: cause × city × month counts far above their previous six months (rules/spikes.ts).
export type SpikeResult = {
  rule: {
    baselineMonths: number;
    madFactor: number;
    madScale: number;
    minCount: number;
    minRatio: number;
  };
  rows: {
    month: string;
    regionCode: string;
    regionName: string;
    cause: Cause;
    count: number;
    // Median of the six months before.
    baseline: number;
    threshold: number;
    // The policy markers of that region and month (e.g. 医保年度切换): a known policy effect
    // rather than an anomaly. Null when there is none.
    policyMarker: string | null;
  }[];
};
