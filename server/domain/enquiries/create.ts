import type { Database } from "@/db";
import {
  CHANNEL_LABELS,
  PRIORITY_LABELS,
  type Priority,
  SYMPTOM_LABELS,
  type Symptom,
} from "@/db/constants";
import { enquiries } from "@/db/schema";
import { badRequest } from "../../errors";
import { addWorkingDays } from "../../rules/working-days";
import type { CreateEnquiryInput } from "../../schemas/enquiries";
import { type AuditContext, recordAudit } from "../audit";
import { recordFilingInsights } from "../insights/filing";
import { assertHandlingRegion } from "../regions";
import { loadMemberInScope } from "../scoped-rows";
import type { Actor } from "../users";
import { filedEarlier } from "./access";
import { describeCauses, writeCauses } from "./causes";
import { recheckOnCreate } from "./recheck";

// A negative balance blocks reimbursement, so it is urgent and due sooner.
export function initialPriority(symptom: Symptom): Priority {
  return symptom === "negative" ? "urgent" : "normal";
}

// Counted in working days, so an enquiry filed before 国庆 or 春节 is not overdue on return.
export function initialDueAt(openedAt: Date, priority: Priority): Date {
  return addWorkingDays(openedAt, priority === "urgent" ? 2 : 5);
}

// Filing is idempotent per (creator, idempotency key): a double click or a retry after a lost
// response returns the enquiry the first request created instead of a second one. `now` is the
// filing time, from which the due and re-check dates are counted.
export async function createEnquiry(
  db: Database,
  actor: Actor,
  input: CreateEnquiryInput,
  audit: Omit<AuditContext, "actorId"> = {},
  now = new Date(),
): Promise<{ id: number; duplicate: boolean }> {
  const stamped = { ...audit, at: now };
  return db.transaction(async (tx) => {
    const member = await loadMemberInScope(tx, actor, input.memberId);

    const regionCode = input.regionCode ?? defaultRegion(actor, member.regionCode);
    const region = await assertHandlingRegion(tx, regionCode, actor.regionScope);
    if (!region.ok) throw badRequest(region.message, "regionCode");

    const openedAt = now;
    const priority = initialPriority(input.symptom);
    const recheckDueOn = recheckOnCreate(input.causes, openedAt);
    const [created] = await tx
      .insert(enquiries)
      .values({
        memberId: member.id,
        regionCode,
        channel: input.channel,
        symptom: input.symptom,
        reportedBalanceFen: input.reportedBalanceFen,
        disputedAmountFen: input.disputedAmountFen,
        description: input.description,
        priority,
        assigneeId: actor.role === "caseworker" ? actor.id : null,
        createdBy: actor.id,
        idempotencyKey: input.idempotencyKey,
        openedAt,
        dueAt: initialDueAt(openedAt, priority),
        recheckDueOn,
      })
      .onConflictDoNothing()
      .returning({ id: enquiries.id });

    if (!created) return filedEarlier(tx, actor, input.idempotencyKey);

    await writeCauses(tx, created.id, input.causes);
    await recordFilingInsights(
      tx,
      actor,
      { ...created, memberId: member.id, regionCode, openedAt },
      input,
      stamped,
    );
    await recordAudit(
      tx,
      { ...stamped, actorId: actor.id },
      {
        action: "enquiry.create",
        entity: "enquiry",
        entityId: created.id,
        after: {
          memberId: member.id,
          regionCode,
          channel: CHANNEL_LABELS[input.channel],
          symptom: SYMPTOM_LABELS[input.symptom],
          priority: PRIORITY_LABELS[priority],
          causes: describeCauses(input.causes),
          ...(recheckDueOn ? { recheckDueOn } : {}),
        },
      },
    );
    return { id: created.id, duplicate: false };
  });
}

// A caseworker scoped to a city files in that city; otherwise the member's own city.
function defaultRegion(actor: Actor, memberRegion: string): string {
  const scope = actor.regionScope;
  if (scope && !scope.endsWith("0000")) return scope;
  return memberRegion;
}
