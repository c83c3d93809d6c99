// Test helpers for the analytics: an enquiry builder that writes straight to the tables (so the
// triggers see every kind of write), and the rollups worked out in TypeScript from the base
// tables, independently of the SQL that maintains them.
import type { Executor } from "@/db";
import {
  type Cause,
  type Channel,
  type EnquiryStatus,
  OPEN_STATUSES,
  type Satisfaction,
  type SubReason,
  type Symptom,
} from "@/db/constants";
import { RESOLVE_HOURS_EDGES } from "@/db/rollup";
import { enquiries, enquiryCauseMonthly, enquiryCauses, enquiryMonthly } from "@/db/schema";
import { shanghaiMonth } from "../rules/calendar-day";

const HOUR_MS = 3_600_000;

// The sub-reason a test tag of a cause split into sub-reasons carries.
const TEST_SUB_REASONS: Partial<Record<Cause, SubReason>> = {
  policy_reform: "outpatient_reform",
  other: "medical_spending",
};

export type EnquirySpec = {
  memberId: number;
  createdBy: number;
  regionCode: string;
  openedAt: Date;
  symptom?: Symptom;
  channel?: Channel;
  status?: EnquiryStatus;
  dueAt?: Date;
  resolvedAt?: Date | null;
  satisfaction?: Satisfaction | null;
  // The first one is the primary cause.
  causes?: Cause[];
};

export async function insertEnquiry(db: Executor, spec: EnquirySpec): Promise<number> {
  const resolvedAt = spec.resolvedAt ?? null;
  const [row] = await db
    .insert(enquiries)
    .values({
      memberId: spec.memberId,
      createdBy: spec.createdBy,
      regionCode: spec.regionCode,
      channel: spec.channel ?? "counter",
      symptom: spec.symptom ?? "negative",
      description: "统计测试工单",
      status: spec.status ?? (resolvedAt ? "resolved" : "open"),
      openedAt: spec.openedAt,
      dueAt: spec.dueAt ?? new Date(spec.openedAt.getTime() + 48 * HOUR_MS),
      resolvedAt,
      resolutionSummary: resolvedAt ? "已向参保人解释" : null,
      satisfaction: spec.satisfaction ?? null,
    })
    .returning({ id: enquiries.id });
  if (!row) throw new Error("enquiry insert returned nothing");
  const causes = spec.causes ?? [];
  if (causes.length > 0) {
    await db.insert(enquiryCauses).values(
      causes.map((cause, i) => ({
        enquiryId: row.id,
        cause,
        subReason: TEST_SUB_REASONS[cause] ?? null,
        isPrimary: i === 0,
      })),
    );
  }
  return row.id;
}

// The rollups' month column: the first day of the Beijing month.
const monthOf = (at: Date) => `${shanghaiMonth(at)}-01`;

const cityOf = (regionCode: string) => `${regionCode.slice(0, 4)}00`;

function bucketOf(hours: number): number {
  let bucket = 0;
  RESOLVE_HOURS_EDGES.forEach((edge, i) => {
    if (hours >= edge) bucket = i;
  });
  return bucket;
}

export type TagRow = typeof enquiryCauseMonthly.$inferSelect;
export type EnquiryRollupRow = typeof enquiryMonthly.$inferSelect;

const tagKey = (r: TagRow) =>
  [r.month, r.regionCode, r.cause, r.symptom ?? "*", r.channel ?? "*"].join("|");
const enquiryKey = (r: EnquiryRollupRow) =>
  [r.month, r.regionCode, r.primaryCause ?? "-", r.symptom ?? "*", r.channel ?? "*"].join("|");

const sortBy = <T>(rows: T[], key: (row: T) => string) =>
  rows.sort((a, b) => key(a).localeCompare(key(b)));

const isZero = (r: EnquiryRollupRow) =>
  r.enquiries === 0 &&
  r.openCount === 0 &&
  r.resolvedCount === 0 &&
  r.resolvedOnTime === 0 &&
  r.resolveSecondsSum === 0 &&
  r.resolveHist.every((n) => n === 0) &&
  r.followedUpCount === 0 &&
  r.satisfiedCount === 0;

// Each figure is kept per symptom and channel, per symptom, per channel and over all of them.
function cube<S, C>(symptom: S, channel: C): [S | null, C | null][] {
  return [
    [symptom, channel],
    [symptom, null],
    [null, channel],
    [null, null],
  ];
}

type RollupKey = Pick<
  EnquiryRollupRow,
  "month" | "regionCode" | "primaryCause" | "symptom" | "channel"
>;

function emptyEnquiryRow(key: RollupKey): EnquiryRollupRow {
  return {
    ...key,
    enquiries: 0,
    openCount: 0,
    resolvedCount: 0,
    resolvedOnTime: 0,
    resolveSecondsSum: 0,
    resolveHist: RESOLVE_HOURS_EDGES.map(() => 0),
    followedUpCount: 0,
    satisfiedCount: 0,
  };
}

function addEnquiry(entry: EnquiryRollupRow, e: typeof enquiries.$inferSelect) {
  entry.enquiries += 1;
  if (OPEN_STATUSES.includes(e.status)) entry.openCount += 1;
  if (e.resolvedAt) {
    const seconds = Math.round((e.resolvedAt.getTime() - e.openedAt.getTime()) / 1000);
    entry.resolvedCount += 1;
    if (e.resolvedAt <= e.dueAt) entry.resolvedOnTime += 1;
    entry.resolveSecondsSum += seconds;
    const bucket = bucketOf(seconds / 3600);
    entry.resolveHist[bucket] = (entry.resolveHist[bucket] ?? 0) + 1;
  }
  if (e.satisfaction) entry.followedUpCount += 1;
  if (e.satisfaction === "satisfied" || e.satisfaction === "mostly_satisfied") {
    entry.satisfiedCount += 1;
  }
}

// What the rollups must hold, left without the rows whose counts are all zero.
export async function expectedRollups(db: Executor) {
  const [rows, tags] = await Promise.all([
    db.select().from(enquiries),
    db.select().from(enquiryCauses),
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const primary = new Map(tags.filter((t) => t.isPrimary).map((t) => [t.enquiryId, t.cause]));

  const tagRows = new Map<string, TagRow>();
  for (const tag of tags) {
    const e = byId.get(tag.enquiryId);
    if (!e) throw new Error(`tag without enquiry ${tag.enquiryId}`);
    for (const [symptom, channel] of cube(e.symptom, e.channel)) {
      const row: TagRow = {
        month: monthOf(e.openedAt),
        regionCode: cityOf(e.regionCode),
        cause: tag.cause,
        symptom,
        channel,
        tagCount: 0,
      };
      const entry = tagRows.get(tagKey(row)) ?? row;
      entry.tagCount += 1;
      tagRows.set(tagKey(row), entry);
    }
  }

  const enquiryRows = new Map<string, EnquiryRollupRow>();
  for (const e of rows) {
    for (const [symptom, channel] of cube(e.symptom, e.channel)) {
      const row = emptyEnquiryRow({
        month: monthOf(e.openedAt),
        regionCode: cityOf(e.regionCode),
        primaryCause: primary.get(e.id) ?? null,
        symptom,
        channel,
      });
      const entry = enquiryRows.get(enquiryKey(row)) ?? row;
      addEnquiry(entry, e);
      enquiryRows.set(enquiryKey(row), entry);
    }
  }
  return {
    tags: sortBy([...tagRows.values()], tagKey),
    enquiries: sortBy([...enquiryRows.values()], enquiryKey),
  };
}

// What the rollups hold, without the rows whose counts fell to zero.
export async function actualRollups(db: Executor) {
  const [tags, rows] = await Promise.all([
    db.select().from(enquiryCauseMonthly),
    db.select().from(enquiryMonthly),
  ]);
  return {
    tags: sortBy(
      tags.filter((r) => r.tagCount !== 0),
      tagKey,
    ),
    enquiries: sortBy(
      rows.filter((r) => !isZero(r)),
      enquiryKey,
    ),
  };
}
