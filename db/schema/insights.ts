import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import {
  CAUSE_CODES,
  INSURANCE_SCHEME_CODES,
  PERSON_CATEGORY_CODES,
  SUB_REASON_CODES,
} from "../constants";
import { inList, subReasonFitsCause } from "./code-lists";
import { enquiries } from "./enquiries";
import { users } from "./users";

// What the triage rules suggested when the enquiry was filed, kept as given so managers can see
// how often caseworkers agree with them. `accepted` follows the enquiry's current cause tags
// (rewritten with them), so a later retag counts too.
export const enquirySuggestions = pgTable(
  "enquiry_suggestions",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    enquiryId: bigint("enquiry_id", { mode: "number" })
      .notNull()
      .references(() => enquiries.id, { onDelete: "cascade" }),
    rank: integer("rank").notNull(),
    cause: text("cause", { enum: CAUSE_CODES }).notNull(),
    subReason: text("sub_reason", { enum: SUB_REASON_CODES }),
    score: integer("score").notNull(),
    reason: text("reason").notNull(),
    accepted: boolean("accepted").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("enquiry_suggestions_enquiry_rank_key").on(t.enquiryId, t.rank),
    index("enquiry_suggestions_cause_idx").on(t.cause, t.accepted),
    check("enquiry_suggestions_rank_positive", sql`${t.rank} >= 1`),
    inList(t.cause, CAUSE_CODES),
    inList(t.subReason, SUB_REASON_CODES),
    subReasonFitsCause("enquiry_suggestions_sub_reason_fits_cause", t.cause, t.subReason),
  ],
);

// The facts the caseworker gave the triage panel at filing (TriageFacts in
// server/rules/triage.ts): dates, yes/no answers and amounts in 分, never personal data.
export const enquiryTriageFacts = pgTable(
  "enquiry_triage_facts",
  {
    enquiryId: bigint("enquiry_id", { mode: "number" })
      .primaryKey()
      .references(() => enquiries.id, { onDelete: "cascade" }),
    facts: jsonb("facts").notNull(),
    // The member's insurance the rules ran on: as recorded, or as the caseworker verified it.
    insuranceScheme: text("insurance_scheme", { enum: INSURANCE_SCHEME_CODES }),
    personCategory: text("person_category", { enum: PERSON_CATEGORY_CODES }),
    triageDay: date("triage_day", { mode: "string" }).notNull(),
  },
  (t) => [
    inList(t.insuranceScheme, INSURANCE_SCHEME_CODES),
    inList(t.personCategory, PERSON_CATEGORY_CODES),
    check(
      "enquiry_triage_facts_person_category_for_employee",
      sql`coalesce(${t.insuranceScheme} = 'employee', false) = (${t.personCategory} is not null)`,
    ),
  ],
);

// A repeat enquiry points to the earlier one it follows up; shown from both ends.
export const enquiryLinks = pgTable(
  "enquiry_links",
  {
    enquiryId: bigint("enquiry_id", { mode: "number" })
      .notNull()
      .references(() => enquiries.id, { onDelete: "cascade" }),
    relatedEnquiryId: bigint("related_enquiry_id", { mode: "number" })
      .notNull()
      .references(() => enquiries.id, { onDelete: "cascade" }),
    createdBy: bigint("created_by", { mode: "number" })
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("enquiry_links_pair_key").on(t.enquiryId, t.relatedEnquiryId),
    index("enquiry_links_related_idx").on(t.relatedEnquiryId),
    check("enquiry_links_not_self", sql`${t.enquiryId} <> ${t.relatedEnquiryId}`),
  ],
);
