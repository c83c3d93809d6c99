import type { Database } from "@/db";
import type { PiiCodec } from "@/db/pii";
import { enquiries, workOrders } from "@/db/schema";
import { badRequest, sqlState } from "../../errors";
import type { DispatchWorkOrderInput } from "../../schemas/work-orders";
import { type AuditContext, recordAudit } from "../audit";
import { filedEarlier, loadAssignableCaseworker } from "../enquiries/access";
import { assertHandlingRegion, findRegion } from "../regions";
import { loadMemberInScope } from "../scoped-rows";
import type { Actor } from "../users";
import { type Caller, type CallerMatch, callerColumns, matchCaller } from "./caller";
import { type MemberFound, orderHistory } from "./history-entries";
import { handlingDueAt, limitsFor, signDueAt } from "./limits";

// How the member was found: chosen, matched (and by what), or still to be identified.
function memberFound(match: CallerMatch, input: DispatchWorkOrderInput): MemberFound {
  if (input.memberId) return { by: "chosen" };
  if (match.matchedBy) return { by: match.matchedBy };
  return { by: "unidentified", callerName: input.caller?.name ?? "" };
}

const UNIQUE_VIOLATION = "23505";
// How far back a hotline's dispatch may be dated when it is registered late.
const MAX_BACKDATE_DAYS = 30;

// 派单: the manager registers the hotline's order and dispatches it to a region of their scope,
// optionally to one of its caseworkers. The limits (签收 and 办理) come from that region's settings
// and count from the hotline's dispatch time. Idempotent per (manager, idempotency key).
export async function dispatchWorkOrder(
  db: Database,
  pii: PiiCodec,
  actor: Actor,
  input: DispatchWorkOrderInput,
  audit: Omit<AuditContext, "actorId">,
  now: Date,
): Promise<{ id: number; duplicate: boolean }> {
  if (input.dispatchedAt.getTime() > now.getTime()) {
    throw badRequest("派单时间不能晚于现在", "dispatchedAt");
  }
  if (now.getTime() - input.dispatchedAt.getTime() > MAX_BACKDATE_DAYS * 86_400_000) {
    throw badRequest(`派单时间不能早于${MAX_BACKDATE_DAYS}天前`, "dispatchedAt");
  }
  if (input.externalDueAt && input.externalDueAt.getTime() < input.dispatchedAt.getTime()) {
    throw badRequest("热线办理期限不能早于派单时间", "externalDueAt");
  }
  try {
    return await db.transaction(async (tx) => {
      const region = await assertHandlingRegion(tx, input.regionCode, actor.regionScope);
      if (!region.ok) throw badRequest(region.message, "regionCode");
      const match: CallerMatch = input.memberId
        ? { memberId: (await loadMemberInScope(tx, actor, input.memberId)).id, matchedBy: null }
        : await matchCaller(tx, pii, actor, input.caller as Caller, input.regionCode);
      const city = await findRegion(tx, input.dispatchingCity);
      if (city?.level !== "city") {
        throw badRequest("请选择派单地市", "dispatchingCity");
      }
      let assigneeName: string | null = null;
      if (input.assigneeId) {
        const assignee = await loadAssignableCaseworker(
          tx,
          actor,
          input.assigneeId,
          input.regionCode,
        );
        assigneeName = assignee.displayName;
      }

      const limits = await limitsFor(tx, input.regionCode, input.dispatchedAt);
      const dueAt = handlingDueAt(input, input.priority, limits, {
        pauses: [],
        extensions: [],
      }) as Date;
      const order = {
        platform: input.platform,
        externalNumber: input.externalNumber,
        dispatchingCity: input.dispatchingCity,
        dispatchingUnit: input.dispatchingUnit,
        externalDueAt: input.externalDueAt ?? null,
        classification: input.classification,
        dispatchedAt: input.dispatchedAt,
        dispatchedBy: actor.id,
        signDueAt: signDueAt(input.dispatchedAt, limits, dueAt),
        signedAt: null,
        signedBy: null,
        ...callerColumns(pii, input.caller),
      };

      const [created] = await tx
        .insert(enquiries)
        .values({
          memberId: match.memberId,
          regionCode: input.regionCode,
          channel: input.platform,
          symptom: input.symptom,
          reportedBalanceFen: input.reportedBalanceFen ?? null,
          description: input.description,
          status: "awaiting_sign",
          priority: input.priority,
          assigneeId: input.assigneeId ?? null,
          createdBy: actor.id,
          idempotencyKey: input.idempotencyKey,
          openedAt: input.dispatchedAt,
          dueAt,
        })
        .onConflictDoNothing()
        .returning({ id: enquiries.id });
      if (!created) return filedEarlier(tx, actor, input.idempotencyKey);
      await tx.insert(workOrders).values({ ...order, enquiryId: created.id });
      await recordAudit(
        tx,
        { ...audit, actorId: actor.id, at: now },
        {
          action: "work_order.dispatch",
          entity: "enquiry",
          entityId: created.id,
          after: orderHistory.dispatch({
            platform: input.platform,
            externalNumber: input.externalNumber,
            classification: input.classification,
            symptom: input.symptom,
            priority: input.priority,
            region: region.region.name,
            member: memberFound(match, input),
            assignee: assigneeName,
            dueAt,
          }),
        },
      );
      return { id: created.id, duplicate: false };
    });
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION) {
      throw badRequest("该平台本市的这个工单编号已经登记过", "externalNumber");
    }
    throw error;
  }
}
