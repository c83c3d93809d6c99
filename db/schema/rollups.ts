import { sql } from "drizzle-orm";
import { bigint, char, date, integer, pgTable, text, unique } from "drizzle-orm/pg-core";
import { CAUSE_CODES, CHANNEL_CODES, SYMPTOM_CODES } from "../constants";
import { inList } from "./code-lists";

// The analytics read these two tables only, never the million enquiries behind them. Triggers
// on enquiries and enquiry_causes (migrations 0005, 0007 and 0008) keep them exact in the
// writing transaction; db/rollup.ts rebuilds them from scratch. Months are calendar months in
// Asia/Shanghai (the first day), and region_code is the handling city: a district's enquiries
// count for its city.
//
// Every figure is stored four times, as GROUP BY CUBE (symptom, channel) gives it: per symptom
// and channel, per symptom (channel null), per channel (symptom null) and for all of them (both
// null). A query without a symptom filter reads the symptom-null rows, so the dashboard's usual
// questions touch a twenty-fifth of the rows a plain GROUP BY would leave. The unique keys lead
// with symptom and channel for the same reason. Rows whose counts fell to zero stay in place;
// they add nothing to any sum.

// One unit per cause tag: an enquiry tagged 离职减员 and 其他 counts once under each.
export const enquiryCauseMonthly = pgTable(
  "enquiry_cause_monthly",
  {
    month: date("month", { mode: "string" }).notNull(),
    regionCode: char("region_code", { length: 6 }).notNull(),
    cause: text("cause", { enum: CAUSE_CODES }).notNull(),
    // Null: all symptoms; likewise for the channel.
    symptom: text("symptom", { enum: SYMPTOM_CODES }),
    channel: text("channel", { enum: CHANNEL_CODES }),
    tagCount: integer("tag_count").notNull().default(0),
  },
  (t) => [
    unique("enquiry_cause_monthly_key")
      .on(t.symptom, t.channel, t.month, t.regionCode, t.cause)
      .nullsNotDistinct(),
    inList(t.cause, CAUSE_CODES),
    inList(t.symptom, SYMPTOM_CODES),
    inList(t.channel, CHANNEL_CODES),
  ],
);

// One unit per enquiry, filed under its primary cause (null while it has no cause tag).
export const enquiryMonthly = pgTable(
  "enquiry_monthly",
  {
    month: date("month", { mode: "string" }).notNull(),
    regionCode: char("region_code", { length: 6 }).notNull(),
    primaryCause: text("primary_cause", { enum: CAUSE_CODES }),
    // Null: all symptoms; likewise for the channel.
    symptom: text("symptom", { enum: SYMPTOM_CODES }),
    channel: text("channel", { enum: CHANNEL_CODES }),
    enquiries: integer("enquiries").notNull().default(0),
    // Status 待处理, 处理中 or 待复查.
    openCount: integer("open_count").notNull().default(0),
    // resolved_at set; on time when resolved_at <= due_at.
    resolvedCount: integer("resolved_count").notNull().default(0),
    resolvedOnTime: integer("resolved_on_time").notNull().default(0),
    resolveSecondsSum: bigint("resolve_seconds_sum", { mode: "number" }).notNull().default(0),
    // Resolved enquiries by hours from opening to resolution, in the buckets of
    // RESOLVE_HOURS_EDGES (db/rollup.ts); the median is interpolated inside its bucket.
    resolveHist: integer("resolve_hist").array().notNull().default(sql`array_fill(0, array[16])`),
    // Followed up with a recorded satisfaction; satisfied = 满意 or 基本满意.
    followedUpCount: integer("followed_up_count").notNull().default(0),
    satisfiedCount: integer("satisfied_count").notNull().default(0),
  },
  (t) => [
    unique("enquiry_monthly_key")
      .on(t.symptom, t.channel, t.month, t.regionCode, t.primaryCause)
      .nullsNotDistinct(),
    inList(t.primaryCause, CAUSE_CODES),
    inList(t.symptom, SYMPTOM_CODES),
    inList(t.channel, CHANNEL_CODES),
  ],
);
