// The demo work orders' rows: the hotline enquiries read back as drafted, and the orders, their
// course's rows, the enquiries' new state and the history written in a few statements.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { type Channel, WORK_ORDER_PLATFORM_CODES, type WorkOrderPlatform } from "@/db/constants";
import type { Executor } from "@/db/index";
import {
  auditEvents,
  enquiries,
  enquiryCauses,
  members,
  resolutionSteps,
  workOrderPauses,
  workOrderReminders,
  workOrderReviews,
  workOrderSupervisions,
  workOrders,
  workOrderTransfers,
} from "@/db/schema";
import type { EnquiryChanges, HotlineEnquiry, OrderCourse } from "./work-order-course";

const CHUNK = 1000;

export type Planned = { course: OrderCourse; changes: EnquiryChanges };

export async function loadHotlineEnquiries(tx: Executor): Promise<HotlineEnquiry[]> {
  const hotline = inArray(enquiries.channel, WORK_ORDER_PLATFORM_CODES);
  const [rows, steps, delayed] = await Promise.all([
    tx
      .select({
        id: enquiries.id,
        regionCode: enquiries.regionCode,
        memberName: members.name,
        channel: enquiries.channel,
        priority: enquiries.priority,
        symptom: enquiries.symptom,
        status: enquiries.status,
        openedAt: enquiries.openedAt,
        resolvedAt: enquiries.resolvedAt,
        followedUpAt: enquiries.followedUpAt,
        assigneeId: enquiries.assigneeId,
        createdBy: enquiries.createdBy,
        recheckDueOn: enquiries.recheckDueOn,
      })
      .from(enquiries)
      .innerJoin(members, eq(members.id, enquiries.memberId))
      .where(hotline)
      .orderBy(asc(enquiries.id)),
    tx
      .select({
        id: resolutionSteps.id,
        enquiryId: resolutionSteps.enquiryId,
        kind: resolutionSteps.kind,
        doneAt: resolutionSteps.doneAt,
        dueAt: resolutionSteps.dueAt,
      })
      .from(resolutionSteps)
      .innerJoin(enquiries, eq(enquiries.id, resolutionSteps.enquiryId))
      .where(hotline)
      .orderBy(asc(resolutionSteps.doneAt), asc(resolutionSteps.id)),
    tx
      .select({ enquiryId: enquiryCauses.enquiryId })
      .from(enquiryCauses)
      .innerJoin(enquiries, eq(enquiries.id, enquiryCauses.enquiryId))
      .where(and(hotline, eq(enquiryCauses.cause, "system_delay"))),
  ]);
  const stepsOf = new Map<number, HotlineEnquiry["steps"]>();
  for (const { enquiryId, ...step } of steps) {
    const list = stepsOf.get(enquiryId) ?? [];
    list.push(step);
    stepsOf.set(enquiryId, list);
  }
  const delayedIds = new Set(delayed.map((row) => row.enquiryId));
  return rows.map((row) => ({
    ...row,
    channel: row.channel as Extract<Channel, WorkOrderPlatform>,
    systemDelay: delayedIds.has(row.id),
    steps: stepsOf.get(row.id) ?? [],
  }));
}

async function inChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

const json = (rows: readonly unknown[]) => sql`${JSON.stringify(rows)}::jsonb`;

export async function writeOrders(tx: Executor, planned: readonly Planned[]) {
  const all = <T>(pick: (course: OrderCourse) => T[]) => planned.flatMap((p) => pick(p.course));
  await inChunks(
    planned.map((p) => p.course.order),
    (chunk) => tx.insert(workOrders).values(chunk),
  );
  const reviews = all((course) => course.reviews);
  await inChunks(reviews, (chunk) => tx.insert(workOrderReviews).values(chunk));
  const pauses = all((course) => course.pauseRows);
  await inChunks(pauses, (chunk) => tx.insert(workOrderPauses).values(chunk));
  const transfers = all((course) => course.transfers);
  await inChunks(transfers, (chunk) => tx.insert(workOrderTransfers).values(chunk));
  const supervisions = all((course) => course.supervisions);
  await inChunks(supervisions, (chunk) => tx.insert(workOrderSupervisions).values(chunk));
  const reminders = all((course) => course.reminders);
  await inChunks(reminders, (chunk) => tx.insert(workOrderReminders).values(chunk));

  // A caller still unidentified leaves the enquiry without its member until one is linked.
  const changes = planned.map(({ course, changes }) => ({
    id: course.input.id,
    ...changes,
    unidentified: course.setup.member.by === "unidentified",
  }));
  await inChunks(changes, (chunk) =>
    tx.execute(sql`
      update enquiries e set status = v.status, assignee_id = v."assigneeId",
        member_id = case when v.unidentified then null else e.member_id end,
        created_by = v."createdBy", due_at = v."dueAt", resolved_at = v."resolvedAt",
        followed_up_at = v."followedUpAt", recheck_due_on = v."recheckDueOn",
        updated_at = v."updatedAt",
        resolution_summary = case when v.unworked then null else e.resolution_summary end,
        follow_up_method = case when v.unworked then null else e.follow_up_method end,
        follow_up_result = case when v.unworked then null else e.follow_up_result end,
        satisfaction = case when v.unworked then null else e.satisfaction end
      from jsonb_to_recordset(${json(chunk)}) as v(id bigint, status text, "assigneeId" bigint,
        "createdBy" bigint, "dueAt" timestamptz, "resolvedAt" timestamptz,
        "followedUpAt" timestamptz, "recheckDueOn" date, "updatedAt" timestamptz,
        unworked boolean, unidentified boolean)
      where e.id = v.id`),
  );
  const unworked = changes.filter((row) => row.unworked).map((row) => row.id);
  if (unworked.length > 0) {
    await tx.delete(resolutionSteps).where(inArray(resolutionSteps.enquiryId, unworked));
  }
  await inChunks(
    all((course) => course.stepTimes),
    (chunk) =>
      tx.execute(sql`
        update resolution_steps s set done_at = v."doneAt", due_at = v."dueAt"
        from jsonb_to_recordset(${json(chunk)}) as v(id bigint, "doneAt" timestamptz,
          "dueAt" timestamptz)
        where s.id = v.id`),
  );
  const steps = all((course) => course.newSteps);
  await inChunks(steps, (chunk) => tx.insert(resolutionSteps).values(chunk));
  const audit = all((course) => course.audit);
  await inChunks(audit, (chunk) => tx.insert(auditEvents).values(chunk));
}
