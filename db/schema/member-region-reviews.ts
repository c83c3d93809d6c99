import { sql } from "drizzle-orm";
import {
  bigint,
  char,
  check,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { REGION_REVIEW_RESOLUTION_CODES, REGION_REVIEW_STATUS_CODES } from "../constants";
import { inList } from "./code-lists";
import { members } from "./members";
import { regions } from "./regions";
import { users } from "./users";

// A caseworker tried to register an ID number that is insured in a region outside their scope.
// They are told only that an administrator will check; the administrator sees the existing
// member and either moves them to the requested region (参保地变更) or declines.
export const memberRegionReviews = pgTable(
  "member_region_reviews",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    memberId: bigint("member_id", { mode: "number" })
      .notNull()
      .references(() => members.id, { onDelete: "restrict" }),
    requestedBy: bigint("requested_by", { mode: "number" })
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    requestedRegionCode: char("requested_region_code", { length: 6 })
      .notNull()
      .references(() => regions.code, { onDelete: "restrict" }),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    status: text("status", { enum: REGION_REVIEW_STATUS_CODES }).notNull().default("open"),
    resolution: text("resolution", { enum: REGION_REVIEW_RESOLUTION_CODES }),
    resolutionNote: text("resolution_note"),
    closedBy: bigint("closed_by", { mode: "number" }).references(() => users.id, {
      onDelete: "restrict",
    }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    // Repeated attempts for the same person and region add to one open item, not a pile.
    uniqueIndex("member_region_reviews_open_key")
      .on(t.memberId, t.requestedRegionCode)
      .where(sql`${t.status} = 'open'`),
    index("member_region_reviews_status_idx").on(t.status, t.requestedAt),
    inList(t.status, REGION_REVIEW_STATUS_CODES),
    inList(t.resolution, REGION_REVIEW_RESOLUTION_CODES),
    check(
      "member_region_reviews_closed_check",
      sql`(${t.status} = 'open' and ${t.resolution} is null and ${t.closedAt} is null)
        or (${t.status} = 'closed' and ${t.resolution} is not null and ${t.closedAt} is not null)`,
    ),
  ],
);
