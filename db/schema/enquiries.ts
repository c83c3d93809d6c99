import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import {
  CAUSE_CODES,
  CHANNEL_CODES,
  ENQUIRY_STATUS_CODES,
  FOLLOW_UP_METHOD_CODES,
  PRIORITY_CODES,
  SATISFACTION_CODES,
  STEP_KIND_CODES,
  SUB_REASON_CODES,
  SYMPTOM_CODES,
} from "../constants";
import { inList, subReasonFitsCause } from "./code-lists";
import { members } from "./members";
import { regions } from "./regions";
import { users } from "./users";

const timestamptz = (name: string) => timestamp(name, { withTimezone: true });

export const enquiries = pgTable(
  "enquiries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    // Null only for a hotline work order whose caller is not identified yet (待识别参保人): the
    // order is matched by phone or by name and region when dispatched, or linked later.
    memberId: bigint("member_id", { mode: "number" }).references(() => members.id, {
      onDelete: "restrict",
    }),
    regionCode: char("region_code", { length: 6 })
      .notNull()
      .references(() => regions.code, { onDelete: "restrict" }),
    channel: text("channel", { enum: CHANNEL_CODES }).notNull(),
    symptom: text("symptom", { enum: SYMPTOM_CODES }).notNull(),
    // Money in integer 分. The reported balance may be negative (离职减员 overdraft).
    reportedBalanceFen: bigint("reported_balance_fen", { mode: "number" }),
    disputedAmountFen: bigint("disputed_amount_fen", { mode: "number" }),
    description: text("description").notNull(),
    status: text("status", { enum: ENQUIRY_STATUS_CODES }).notNull().default("open"),
    priority: text("priority", { enum: PRIORITY_CODES }).notNull().default("normal"),
    assigneeId: bigint("assignee_id", { mode: "number" }).references(() => users.id, {
      onDelete: "set null",
    }),
    createdBy: bigint("created_by", { mode: "number" })
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    idempotencyKey: text("idempotency_key"),
    openedAt: timestamptz("opened_at").notNull().defaultNow(),
    dueAt: timestamptz("due_at").notNull(),
    // 系统延迟 usually heals by itself: the caseworker re-checks on this Shanghai date (a working
    // day) and it is cleared once the re-check is recorded or the enquiry is resolved.
    recheckDueOn: date("recheck_due_on", { mode: "string" }),
    resolvedAt: timestamptz("resolved_at"),
    resolutionSummary: text("resolution_summary"),
    followUpMethod: text("follow_up_method", { enum: FOLLOW_UP_METHOD_CODES }),
    followUpResult: text("follow_up_result"),
    satisfaction: text("satisfaction", { enum: SATISFACTION_CODES }),
    followedUpAt: timestamptz("followed_up_at"),
    // Unigrams and bigrams of the description and the member's name, kept by a trigger
    // (migration 0002) and GIN-indexed, so 2-character Chinese terms such as 透支 are found.
    searchTokens: text("search_tokens").array().notNull().default(sql`'{}'::text[]`),
    version: integer("version").notNull().default(1),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("enquiries_region_status_opened_idx").on(
      t.regionCode,
      t.status,
      t.openedAt.desc(),
      t.id.desc(),
    ),
    index("enquiries_opened_idx").on(t.openedAt.desc(), t.id.desc()),
    index("enquiries_member_idx").on(t.memberId, t.openedAt.desc()),
    index("enquiries_assignee_status_idx").on(t.assigneeId, t.status),
    index("enquiries_due_idx").on(t.dueAt, t.id),
    // Only the few enquiries waiting for a re-check carry a date, so the queue's index is small.
    index("enquiries_recheck_due_idx")
      .on(t.recheckDueOn, t.id)
      .where(sql`${t.recheckDueOn} is not null`),
    index("enquiries_search_tokens_idx").using("gin", t.searchTokens),
    uniqueIndex("enquiries_created_by_idempotency_key")
      .on(t.createdBy, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    inList(t.channel, CHANNEL_CODES),
    inList(t.symptom, SYMPTOM_CODES),
    inList(t.status, ENQUIRY_STATUS_CODES),
    inList(t.priority, PRIORITY_CODES),
    inList(t.followUpMethod, FOLLOW_UP_METHOD_CODES),
    inList(t.satisfaction, SATISFACTION_CODES),
    check(
      "enquiries_member_known_unless_dispatched",
      sql`${t.memberId} is not null or ${t.channel} in ('hotline_12345', 'hotline_12393')`,
    ),
    check(
      "enquiries_resolved_has_summary",
      sql`${t.status} not in ('resolved', 'followed_up') or (${t.resolutionSummary} is not null and ${t.resolvedAt} is not null)`,
    ),
  ],
);

export const enquiryCauses = pgTable(
  "enquiry_causes",
  {
    enquiryId: bigint("enquiry_id", { mode: "number" })
      .notNull()
      .references(() => enquiries.id, { onDelete: "cascade" }),
    cause: text("cause", { enum: CAUSE_CODES }).notNull(),
    subReason: text("sub_reason", { enum: SUB_REASON_CODES }),
    isPrimary: boolean("is_primary").notNull().default(false),
  },
  (t) => [
    primaryKey({ name: "enquiry_causes_pkey", columns: [t.enquiryId, t.cause] }),
    index("enquiry_causes_cause_idx").on(t.cause, t.enquiryId),
    // Exactly one primary per tagged enquiry: at most one by this index, at least one by the
    // domain function that writes the set as a whole.
    uniqueIndex("enquiry_causes_one_primary_key").on(t.enquiryId).where(sql`${t.isPrimary}`),
    inList(t.cause, CAUSE_CODES),
    inList(t.subReason, SUB_REASON_CODES),
    subReasonFitsCause("enquiry_causes_sub_reason_fits_cause", t.cause, t.subReason),
  ],
);

export const resolutionSteps = pgTable(
  "resolution_steps",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    enquiryId: bigint("enquiry_id", { mode: "number" })
      .notNull()
      .references(() => enquiries.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: STEP_KIND_CODES }).notNull(),
    // Internal: the caseworker's working note. It never reaches a member.
    note: text("note"),
    // What the step established, for its member-facing sentence in a letter (StepFacts in
    // server/rules/step-sentences.ts), e.g. the figures of a 离职减员 calculation.
    facts: jsonb("facts"),
    doneBy: bigint("done_by", { mode: "number" })
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    doneAt: timestamptz("done_at").notNull().defaultNow(),
    dueAt: timestamptz("due_at"),
  },
  (t) => [
    index("resolution_steps_enquiry_idx").on(t.enquiryId, t.doneAt),
    inList(t.kind, STEP_KIND_CODES),
  ],
);
