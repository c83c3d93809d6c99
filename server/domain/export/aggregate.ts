import type { Database } from "@/db";
import { CAUSES } from "@/db/constants";
import type { AnalyticsFilter, CauseCounts } from "../../schemas/analytics";
import { byMonth, byRegion } from "../analytics";
import type { Actor } from "../users";
import { type Cell, type Column, type Sheet, text } from "./sheet";

// The dashboard's table as a file: cause tags per region at the filter's level, then per month.
// Counts are tags, as on screen: an enquiry with two causes counts once under each.

export type TableSheet = Sheet & { rows: readonly (readonly Cell[])[] };

const countColumns: Column[] = [
  ...CAUSES.map((cause) => ({ header: cause.label, kind: "integer" as const, width: 10 })),
  { header: "合计", kind: "integer", width: 10 },
];

const counts = (byCause: CauseCounts, tags: number): number[] => [
  ...CAUSES.map((cause) => byCause[cause.code]),
  tags,
];

export async function aggregateSheets(
  db: Database,
  actor: Actor,
  filter: AnalyticsFilter,
): Promise<TableSheet[]> {
  const [regions, months] = await Promise.all([
    byRegion(db, actor, filter),
    byMonth(db, actor, filter),
  ]);
  return [
    {
      name: "按地区",
      columns: [text("地区", 16), ...countColumns],
      rows: regions.rows.map((row) => [row.regionName, ...counts(row.counts, row.tags)]),
    },
    {
      name: "按月份",
      columns: [text("月份", 10), ...countColumns],
      rows: months.rows.map((row) => [row.month, ...counts(row.counts, row.tags)]),
    },
  ];
}
