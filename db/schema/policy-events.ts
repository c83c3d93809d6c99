import { bigint, char, date, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { regions } from "./regions";
import { users } from "./users";

// Policy changes an administrator marks on the monthly charts (a local base adjustment, a cut in
// the retiree allocation), so a manager reading a jump sees its likely reason. Free notes: the
// markers that follow from the regional settings (each region's reform date, the month its
// insurance year starts) are drawn from region_policy_settings, not stored here.
export const policyEvents = pgTable(
  "policy_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    // The day the change took effect, in Shanghai.
    effectiveOn: date("effective_on", { mode: "string" }).notNull(),
    // Null: nationwide; otherwise a province or city and everything under it.
    regionCode: char("region_code", { length: 6 }).references(() => regions.code, {
      onDelete: "restrict",
    }),
    label: text("label").notNull(),
    description: text("description"),
    createdBy: bigint("created_by", { mode: "number" })
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("policy_events_effective_idx").on(t.effectiveOn),
    index("policy_events_region_idx").on(t.regionCode),
  ],
);
