// One demo work order's course as the application would have recorded it: each event writes the
// rows its domain function writes (server/domain/work-orders/effects.ts and dispatch.ts) and an
// audit entry built by the same orderHistory, and moves the status as the course table does
// (server/rules/enquiry-status/table.ts). The reviewed events (退单, 延期, 督办) are in
// work-order-reviews.ts; which events happen, and when, is decided in work-order-paths.ts and
// work-order-open.ts.
import {
  type AuditAction,
  ENQUIRY_STATUS_LABELS,
  type EnquiryStatus,
  type Priority,
  type ReminderKind,
  type StepKind,
  type Symptom,
  type WorkOrderClassification,
  type WorkOrderPlatform,
} from "@/db/constants";
import type {
  auditEvents,
  resolutionSteps,
  workOrderPauses,
  workOrderReminders,
  workOrderReviews,
  workOrderSupervisions,
  workOrders,
  workOrderTransfers,
} from "@/db/schema";
import { type MemberFound, orderHistory } from "../../domain/work-orders/history-entries";
import type { Extension, Pause } from "../../rules/time-limits";
import {
  handlingDue,
  type Interval,
  type OrderClock,
  reminderRun,
  signDue,
} from "./work-order-clock";

// A hotline enquiry of the demo as drafted, with its steps in the order they were done.
export type HotlineEnquiry = {
  id: number;
  regionCode: string;
  // The member the enquiry was drafted for, whose name the caller gives.
  memberName: string;
  channel: WorkOrderPlatform;
  priority: Priority;
  symptom: Symptom;
  status: EnquiryStatus;
  openedAt: Date;
  resolvedAt: Date | null;
  followedUpAt: Date | null;
  assigneeId: number | null;
  createdBy: number;
  recheckDueOn: string | null;
  systemDelay: boolean;
  steps: { id: number; kind: StepKind; doneAt: Date; dueAt: Date | null }[];
};

export type OrderSetup = {
  platform: WorkOrderPlatform;
  externalNumber: string;
  dispatchingUnit: string;
  // Whether the hotline wrote its own deadline on the order (the desk's limit is the same).
  carriesDueAt: boolean;
  classification: WorkOrderClassification;
  // The city whose hotline dispatched it, which is where the order went first (another city's
  // for an order later transferred to the enquiry's own, named `regionName`).
  dispatchingCity: { code: string; name: string };
  regionName: string;
  dispatchClock: OrderClock;
  clock: OrderClock;
  // How the member was found at 派单, and the phone an unidentified caller left.
  member: MemberFound;
  caller: { phoneHash: string; phoneEncrypted: string; phoneMasked: string } | null;
  // The caseworker named on the order, null when dispatched to the region.
  assigneeId: number | null;
  assigneeName: string | null;
  // Who works the order in its region (signs, asks, answers) and who becomes its assignee.
  worker: number;
  caseworkerId: number | null;
  managerId: number;
  now: Date;
};

type Row<T extends { $inferInsert: unknown }> = T["$inferInsert"];

// What the demo changes of the enquiry row once the order's course is known.
export type EnquiryChanges = {
  status: EnquiryStatus;
  assigneeId: number | null;
  createdBy: number;
  dueAt: Date;
  resolvedAt: Date | null;
  followedUpAt: Date | null;
  recheckDueOn: string | null;
  updatedAt: Date;
  // Not signed, so not worked on: no steps and no resolution (an order the hotline centre took
  // back, or a recent one shown still waiting).
  unworked: boolean;
};

export class OrderCourse {
  status: EnquiryStatus = "awaiting_sign";
  assigneeId: number | null;
  signedAt: Date | null = null;
  readonly order: Row<typeof workOrders>;
  readonly pauses: Pause[] = [];
  readonly extensions: Extension[] = [];
  // While a 退单 waits for a decision the order is not the unit's to work, so no 催办 is made.
  readonly waiting: Interval[] = [];
  readonly reviews: Row<typeof workOrderReviews>[] = [];
  readonly pauseRows: Row<typeof workOrderPauses>[] = [];
  readonly transfers: Row<typeof workOrderTransfers>[] = [];
  readonly supervisions: Row<typeof workOrderSupervisions>[] = [];
  readonly reminders: Row<typeof workOrderReminders>[] = [];
  readonly newSteps: Row<typeof resolutionSteps>[] = [];
  readonly audit: Row<typeof auditEvents>[] = [];
  stepTimes: { id: number; doneAt: Date; dueAt: Date | null }[] = [];
  lastEventAt: Date;

  constructor(
    readonly input: HotlineEnquiry,
    readonly setup: OrderSetup,
  ) {
    const at = input.openedAt;
    this.assigneeId = setup.assigneeId;
    this.lastEventAt = at;
    const due = handlingDue(setup.dispatchClock, at, setup.classification, input.priority) as Date;
    this.order = {
      enquiryId: input.id,
      platform: setup.platform,
      externalNumber: setup.externalNumber,
      dispatchingCity: setup.dispatchingCity.code,
      dispatchingUnit: setup.dispatchingUnit,
      externalDueAt: setup.carriesDueAt ? due : null,
      classification: setup.classification,
      dispatchedAt: at,
      dispatchedBy: setup.managerId,
      signDueAt: signDue(setup.dispatchClock, at, due),
      signedAt: null,
      signedBy: null,
      // The caller as the order names them, kept when the member was not chosen from the records.
      ...(setup.member.by !== "chosen" && {
        callerName: input.memberName,
        callerPhoneHash: setup.caller?.phoneHash,
        callerPhoneEncrypted: setup.caller?.phoneEncrypted,
        callerPhoneMasked: setup.caller?.phoneMasked,
      }),
    };
    this.record(
      at,
      setup.managerId,
      "work_order.dispatch",
      orderHistory.dispatch({
        platform: setup.platform,
        externalNumber: setup.externalNumber,
        classification: setup.classification,
        region: setup.dispatchingCity.name,
        member: setup.member,
        assignee: setup.assigneeName,
        symptom: input.symptom,
        priority: input.priority,
        dueAt: due,
      }),
    );
  }

  // The due moment as it stands (null while suspended).
  due(): Date | null {
    const { clock, classification } = this.setup;
    const { openedAt, priority } = this.input;
    return handlingDue(clock, openedAt, classification, priority, this.pauses, this.extensions);
  }

  // The due moment the enquiry shows: while suspended, the one it had when the pause began.
  standingDue(): Date {
    const { clock, classification } = this.setup;
    const { openedAt, priority } = this.input;
    const ended = this.pauses.filter((pause) => pause.to !== null);
    return handlingDue(clock, openedAt, classification, priority, ended, this.extensions) as Date;
  }

  // One audit entry of the course, moving the status when `to` is given.
  record(
    at: Date,
    actorId: number | null,
    action: AuditAction,
    after: Record<string, unknown>,
    to?: EnquiryStatus,
  ) {
    this.audit.push({
      actorId,
      action,
      entity: "enquiry",
      entityId: String(this.input.id),
      before: to ? { status: ENQUIRY_STATUS_LABELS[this.status] } : null,
      after: to ? { status: ENQUIRY_STATUS_LABELS[to], ...after } : after,
      at,
    });
    if (to) this.status = to;
    if (at > this.lastEventAt) this.lastEventAt = at;
  }

  sign(at: Date, dueAt: Date) {
    this.order.signedAt = this.signedAt = at;
    this.order.signedBy = this.setup.worker;
    this.order.signDueAt = null;
    this.assigneeId = this.setup.caseworkerId;
    const after = orderHistory.sign(at > dueAt);
    this.record(at, this.setup.worker, "work_order.sign", after, "in_progress");
  }

  // A change of status without an effect of its own (转待复查).
  transition(at: Date, to: EnquiryStatus) {
    this.record(at, this.setup.worker, "enquiry.transition", {}, to);
  }

  // The due moment in the order's present region before any pause or extension: the cap of
  // its 签收 limit (signDue), as the domain caps it.
  get handlingCap(): Date {
    const { clock, classification } = this.setup;
    return handlingDue(clock, this.input.openedAt, classification, this.input.priority) as Date;
  }

  transfer(at: Date, signDueAt: Date, reason: string) {
    const { dispatchingCity, regionName, managerId } = this.setup;
    this.transfers.push({
      enquiryId: this.input.id,
      fromRegion: dispatchingCity.code,
      toRegion: this.input.regionCode,
      reason,
      transferredBy: managerId,
      transferredAt: at,
    });
    this.order.signDueAt = signDueAt;
    this.assigneeId = null;
    const after = orderHistory.transfer(regionName, reason);
    this.record(at, managerId, "work_order.transfer", after, "awaiting_sign");
  }

  suspend(at: Date, reason: string, resumeOn: string) {
    this.pauseRows.push({
      enquiryId: this.input.id,
      reason,
      resumeOn,
      startedAt: at,
      startedBy: this.setup.worker,
    });
    this.pauses.push({ from: at, to: null });
    const after = orderHistory.suspend(reason, resumeOn);
    this.record(at, this.setup.worker, "work_order.suspend", after, "suspended");
  }

  resume(at: Date) {
    Object.assign(this.pauseRows.at(-1) as object, { endedAt: at, endedBy: this.setup.worker });
    (this.pauses.at(-1) as Pause).to = at;
    const after = orderHistory.resume(this.due());
    this.record(at, this.setup.worker, "work_order.resume", after, "in_progress");
  }

  // 已告知参保人延期: a resolution step (its audit entry is written with the other steps').
  notifyExtension(at: Date, note: string) {
    this.newSteps.push({
      enquiryId: this.input.id,
      kind: "extension_notified",
      note,
      doneBy: this.setup.worker,
      doneAt: at,
      dueAt: null,
    });
    if (at > this.lastEventAt) this.lastEventAt = at;
  }

  // 催办 by the scheduled job for a limit passed at `due` while the order was still unfinished;
  // the run at which it was recorded, if it was.
  remind(kind: ReminderKind, due: Date, doneAt: Date | null): Date | null {
    const run = reminderRun(due, doneAt, this.waiting, this.setup.now);
    if (!run) return null;
    this.reminders.push({ enquiryId: this.input.id, kind, dueAt: due, remindedAt: run });
    this.record(run, null, "work_order.remind", orderHistory.remind(kind, due));
    return run;
  }
}
