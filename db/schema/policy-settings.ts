import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  char,
  date,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { POLICY_SETTING_CODES } from "../constants";
import { inList } from "./code-lists";
import { regions } from "./regions";
import { users } from "./users";

// 地区政策参数, versioned: a change is a new row from its effective date, never an update, so a
// letter can name the rows it was written from and those rows keep saying what they said. The
// value for a region on a day is the city's row in force, else the province's, else the
// national default (region_code null); the national defaults are written by the migrations.
export const regionPolicySettings = pgTable(
  "region_policy_settings",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    // Null: the national default; otherwise a province or a city.
    regionCode: char("region_code", { length: 6 }).references(() => regions.code, {
      onDelete: "restrict",
    }),
    setting: text("setting", { enum: POLICY_SETTING_CODES }).notNull(),
    // Its shape per setting is defined and checked in server/rules/policy-settings.ts.
    value: jsonb("value").notNull(),
    effectiveFrom: date("effective_from", { mode: "string" }).notNull(),
    // 来源说明: the document or page the value comes from.
    sourceNote: text("source_note").notNull(),
    // Confirmed against the local rules; unverified values are marked 示例（未核实） wherever shown.
    verified: boolean("verified").notNull().default(false),
    // Null for the rows the migrations and the demo seed write.
    createdBy: bigint("created_by", { mode: "number" }).references(() => users.id, {
      onDelete: "restrict",
    }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("region_policy_settings_version_key").on(
      sql`coalesce(${t.regionCode}, '000000')`,
      t.setting,
      t.effectiveFrom,
    ),
    index("region_policy_settings_region_idx").on(t.regionCode, t.setting),
    inList(t.setting, POLICY_SETTING_CODES),
  ],
);
