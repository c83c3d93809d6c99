// Database: rebuilds the analytics rollup tables from the base tables.
import { sql } from "drizzle-orm";
import type { Database } from "./index";

// The analytics rollups (db/schema/rollups.ts) are kept by triggers; this recomputes them from
// the base tables, for a database loaded around the triggers or a check after an incident.
// Writers to enquiries and their causes wait while it runs (seconds at a million enquiries).

// Bucket edges of enquiry_monthly.resolve_hist in hours: bucket i holds resolutions that took
// [edge i, edge i+1), the last one 720 hours (30 days) or more. bd_resolve_bucket (migration
// 0005) uses the same edges.
export const RESOLVE_HOURS_EDGES = [
  0, 1, 2, 4, 8, 12, 24, 36, 48, 72, 96, 120, 168, 240, 336, 720,
] as const;

export type RollupSummary = { causeMonthlyRows: number; enquiryMonthlyRows: number };

export async function rebuildRollups(db: Database): Promise<RollupSummary> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local statement_timeout = 0`);
    await tx.execute(sql`select bd_rollups_rebuild()`);
    const [row] = await tx.execute<RollupSummary>(sql`
      select (select count(*) from enquiry_cause_monthly)::int as "causeMonthlyRows",
        (select count(*) from enquiry_monthly)::int as "enquiryMonthlyRows"`);
    if (!row) throw new Error("rollup row counts missing");
    return row;
  });
}
