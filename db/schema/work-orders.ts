import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  char,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import {
  CENTRE_DECISION_CODES,
  REMINDER_KIND_CODES,
  RETURN_REASON_CODES,
  REVIEW_DECISION_CODES,
  REVIEW_KIND_CODES,
  WORK_ORDER_CLASSIFICATION_CODES,
  WORK_ORDER_PLATFORM_CODES,
} from "../constants";
import { inList } from "./code-lists";
import { enquiries } from "./enquiries";
import { regions } from "./regions";
import { users } from "./users";

// A hotline work order (12345 / 12393) is an enquiry with a row here: the platform's own number
// and deadline, its classification (which selects the time limits) and its 签收. Everything of the
// course that can happen more than once (退单 and 延期 reviews, 挂起, 转办, 督办, 催办) has a table
// of its own below, so the history and the assessment figures (按时签收率, 延期率, 退单率 …)
// read from rows rather than from audit text.

const timestamptz = (name: string) => timestamp(name, { withTimezone: true });
const enquiryId = () =>
  bigint("enquiry_id", { mode: "number" })
    .notNull()
    .references(() => enquiries.id, { onDelete: "cascade" });
const userId = (name: string) =>
  bigint(name, { mode: "number" }).references(() => users.id, { onDelete: "restrict" });

export const workOrders = pgTable(
  "work_orders",
  {
    enquiryId: enquiryId().primaryKey(),
    platform: text("platform", { enum: WORK_ORDER_PLATFORM_CODES }).notNull(),
    externalNumber: text("external_number").notNull(),
    // The city whose hotline dispatched it: numbers are unique only per platform and city.
    dispatchingCity: char("dispatching_city", { length: 6 })
      .notNull()
      .references(() => regions.code, { onDelete: "restrict" }),
    dispatchingUnit: text("dispatching_unit").notNull(),
    // The hotline's own deadline as written on the order; the desk's limit comes from settings.
    externalDueAt: timestamptz("external_due_at"),
    classification: text("classification", { enum: WORK_ORDER_CLASSIFICATION_CODES }).notNull(),
    dispatchedAt: timestamptz("dispatched_at").notNull(),
    dispatchedBy: userId("dispatched_by").notNull(),
    // 签收 is due so many working hours after the order reached its present region (a 转办
    // restarts it); cleared by signing.
    signDueAt: timestamptz("sign_due_at"),
    signedAt: timestamptz("signed_at"),
    signedBy: userId("signed_by"),
    // The caller as the hotline recorded them, kept to identify the member when the order came
    // without one (待识别参保人). Personal data is stored like the members' (db/pii.ts).
    callerName: text("caller_name"),
    callerPhoneHash: char("caller_phone_hash", { length: 64 }),
    callerPhoneEncrypted: text("caller_phone_encrypted"),
    callerPhoneMasked: text("caller_phone_masked"),
    callerIdNumberHash: char("caller_id_number_hash", { length: 64 }),
    callerIdNumberEncrypted: text("caller_id_number_encrypted"),
    callerIdNumberMasked: text("caller_id_number_masked"),
  },
  (t) => [
    uniqueIndex("work_orders_external_number_key").on(
      t.platform,
      t.dispatchingCity,
      t.externalNumber,
    ),
    index("work_orders_sign_due_idx").on(t.signDueAt).where(sql`${t.signDueAt} is not null`),
    inList(t.platform, WORK_ORDER_PLATFORM_CODES),
    inList(t.classification, WORK_ORDER_CLASSIFICATION_CODES),
    check(
      "work_orders_external_number_present",
      sql`char_length(${t.externalNumber}) between 1 and 40`,
    ),
  ],
);

// 退单 and 延期: asked for by the caseworker, decided by the manager and, for a dispatched order,
// decided again by the hotline centre. A review is pending until it has its last decision.
export const workOrderReviews = pgTable(
  "work_order_reviews",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    enquiryId: enquiryId(),
    kind: text("kind", { enum: REVIEW_KIND_CODES }).notNull(),
    returnReason: text("return_reason", { enum: RETURN_REASON_CODES }),
    reason: text("reason"),
    // 延期: the day asked for and the working days it adds to the due moment.
    extendTo: date("extend_to", { mode: "string" }),
    extensionDays: integer("extension_days"),
    requestedBy: userId("requested_by").notNull(),
    requestedAt: timestamptz("requested_at").notNull(),
    // Whether the hotline centre has a say (a dispatched order) or the manager decides alone.
    needsCentre: boolean("needs_centre").notNull(),
    decision: text("decision", { enum: REVIEW_DECISION_CODES }),
    decisionNote: text("decision_note"),
    decidedBy: userId("decided_by"),
    decidedAt: timestamptz("decided_at"),
    centreDecision: text("centre_decision", { enum: CENTRE_DECISION_CODES }),
    centreNote: text("centre_note"),
    centreRecordedBy: userId("centre_recorded_by"),
    centreRecordedAt: timestamptz("centre_recorded_at"),
  },
  (t) => [
    index("work_order_reviews_enquiry_idx").on(t.enquiryId, t.requestedAt),
    // One pending review of each kind per order.
    uniqueIndex("work_order_reviews_one_pending_key")
      .on(t.enquiryId, t.kind)
      .where(
        sql`${t.decision} is null or (${t.decision} = 'approved' and ${t.needsCentre} and ${t.centreDecision} is null)`,
      ),
    inList(t.kind, REVIEW_KIND_CODES),
    inList(t.returnReason, RETURN_REASON_CODES),
    inList(t.decision, REVIEW_DECISION_CODES),
    inList(t.centreDecision, CENTRE_DECISION_CODES),
    check(
      "work_order_reviews_kind_fields",
      sql`case ${t.kind} when 'return' then ${t.returnReason} is not null and ${t.extendTo} is null
        else ${t.returnReason} is null and ${t.extendTo} is not null and ${t.extensionDays} > 0 end`,
    ),
  ],
);

// 挂起: the order waits for a third party; its limit clock stands still until it resumes.
export const workOrderPauses = pgTable(
  "work_order_pauses",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    enquiryId: enquiryId(),
    reason: text("reason").notNull(),
    resumeOn: date("resume_on", { mode: "string" }).notNull(),
    startedAt: timestamptz("started_at").notNull(),
    startedBy: userId("started_by").notNull(),
    endedAt: timestamptz("ended_at"),
    endedBy: userId("ended_by"),
  },
  (t) => [
    index("work_order_pauses_enquiry_idx").on(t.enquiryId, t.startedAt),
    uniqueIndex("work_order_pauses_one_open_key").on(t.enquiryId).where(sql`${t.endedAt} is null`),
    check(
      "work_order_pauses_ends_after_start",
      sql`${t.endedAt} is null or ${t.endedAt} >= ${t.startedAt}`,
    ),
  ],
);

// 转办: the order moved from one region to another. The sending region keeps read-only access to
// this order (server/domain/scoped-rows.ts), and only to this one.
export const workOrderTransfers = pgTable(
  "work_order_transfers",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    enquiryId: enquiryId(),
    fromRegion: char("from_region", { length: 6 })
      .notNull()
      .references(() => regions.code, { onDelete: "restrict" }),
    toRegion: char("to_region", { length: 6 })
      .notNull()
      .references(() => regions.code, { onDelete: "restrict" }),
    reason: text("reason").notNull(),
    transferredBy: userId("transferred_by").notNull(),
    transferredAt: timestamptz("transferred_at").notNull(),
  },
  (t) => [
    index("work_order_transfers_enquiry_idx").on(t.enquiryId, t.transferredAt),
    index("work_order_transfers_from_region_idx").on(t.fromRegion, t.enquiryId),
    check("work_order_transfers_elsewhere", sql`${t.fromRegion} <> ${t.toRegion}`),
  ],
);

// 督办: a manager's supervision with a reply deadline; the order cannot close until answered.
export const workOrderSupervisions = pgTable(
  "work_order_supervisions",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    enquiryId: enquiryId(),
    comment: text("comment").notNull(),
    replyBy: timestamptz("reply_by").notNull(),
    supervisedBy: userId("supervised_by").notNull(),
    supervisedAt: timestamptz("supervised_at").notNull(),
    answer: text("answer"),
    answeredBy: userId("answered_by"),
    answeredAt: timestamptz("answered_at"),
  },
  (t) => [
    index("work_order_supervisions_enquiry_idx").on(t.enquiryId, t.supervisedAt),
    uniqueIndex("work_order_supervisions_one_open_key")
      .on(t.enquiryId)
      .where(sql`${t.answeredAt} is null`),
    check(
      "work_order_supervisions_answer_complete",
      sql`(${t.answer} is null) = (${t.answeredAt} is null)`,
    ),
  ],
);

// 催办: recorded by the scheduled job when a limit passes. The key makes it once per due moment
// however many instances run the job; a due moment moved by 延期 or 挂起 can be reminded again.
export const workOrderReminders = pgTable(
  "work_order_reminders",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    enquiryId: enquiryId(),
    kind: text("kind", { enum: REMINDER_KIND_CODES }).notNull(),
    dueAt: timestamptz("due_at").notNull(),
    remindedAt: timestamptz("reminded_at").notNull(),
  },
  (t) => [
    uniqueIndex("work_order_reminders_once_key").on(t.enquiryId, t.kind, t.dueAt),
    inList(t.kind, REMINDER_KIND_CODES),
  ],
);
