import { sql } from "drizzle-orm";
import {
  CAUSE_CODES,
  type Cause,
  CHANNEL_LABELS,
  causeTagLabel,
  ENQUIRY_STATUS_LABELS,
  FOLLOW_UP_METHOD_LABELS,
  PRIORITY_LABELS,
  SATISFACTION_LABELS,
  STEP_KIND_LABELS,
  SUB_REASONS_BY_CAUSE,
  SYMPTOM_LABELS,
} from "@/db/constants";
import type { Executor } from "@/db/index";

const labels = (map: Record<string, string>) => sql`${JSON.stringify(map)}::jsonb`;

// causeTagLabel for every cause tag, keyed as the query below keys a row: "resignation",
// "other:contribution_gap".
const CAUSE_TAG_LABELS = Object.fromEntries([
  ...CAUSE_CODES.map((cause) => [cause, causeTagLabel({ cause, subReason: null })]),
  ...Object.entries(SUB_REASONS_BY_CAUSE).flatMap(([cause, options]) =>
    options.map(({ code }) => [
      `${cause}:${code}`,
      causeTagLabel({ cause: cause as Cause, subReason: code }),
    ]),
  ),
]);

// The cause tags of enquiry `e` as the history words them, primary first; null when untagged.
const causesOfEnquiry = sql`(
  select string_agg(
    (${labels(CAUSE_TAG_LABELS)} ->> (c.cause::text || coalesce(':' || c.sub_reason::text, '')))
    || case when c.is_primary then '（主）' else '' end,
    '、' order by c.is_primary desc, c.cause)
  from enquiry_causes c where c.enquiry_id = e.id)`;

// The demo enquiries' history as the app would have written it: filing, each step,办结 and
// 回访, so a demo enquiry's 处理记录 reads like a real one. Derived from the rows already
// seeded, in the same readable form the domain functions audit. A hotline work order was not
// filed but dispatched: its 派单 and the rest of its course are written with the order
// (work-orders.ts), and its causes were tagged by the caseworker who worked it.
export async function seedHistory(tx: Executor): Promise<void> {
  await tx.execute(sql`
    insert into audit_events (actor_id, action, entity, entity_id, after, at)
    select e.created_by, 'enquiry.create', 'enquiry', e.id::text,
      jsonb_build_object(
        'channel', ${labels(CHANNEL_LABELS)} ->> e.channel::text,
        'symptom', ${labels(SYMPTOM_LABELS)} ->> e.symptom::text,
        'priority', ${labels(PRIORITY_LABELS)} ->> e.priority::text,
        'causes', coalesce(${causesOfEnquiry}, '未分类')),
      e.opened_at
    from enquiries e
    where not exists (select 1 from work_orders w where w.enquiry_id = e.id)`);
  // A work order's causes, tagged just before its first step.
  await tx.execute(sql`
    insert into audit_events (actor_id, action, entity, entity_id, before, after, at)
    select s.done_by, 'enquiry.causes', 'enquiry', e.id::text,
      jsonb_build_object('causes', '未分类'),
      jsonb_build_object('causes', ${causesOfEnquiry}),
      greatest(w.signed_at, s.done_at - interval '1 minute')
    from enquiries e
    join work_orders w on w.enquiry_id = e.id
    join lateral (select done_by, done_at from resolution_steps
                  where enquiry_id = e.id order by done_at, id limit 1) s on true
    where exists (select 1 from enquiry_causes c where c.enquiry_id = e.id)`);
  await tx.execute(sql`
    insert into audit_events (actor_id, action, entity, entity_id, after, at)
    select s.done_by, 'enquiry.step', 'enquiry', s.enquiry_id::text,
      jsonb_strip_nulls(jsonb_build_object(
        'step', ${labels(STEP_KIND_LABELS)} ->> s.kind::text, 'note', s.note)),
      s.done_at
    from resolution_steps s`);
  await tx.execute(sql`
    insert into audit_events (actor_id, action, entity, entity_id, before, after, at)
    select coalesce(e.assignee_id, w.signed_by, e.created_by), 'enquiry.transition', 'enquiry',
      e.id::text,
      jsonb_build_object('status', ${ENQUIRY_STATUS_LABELS.in_progress}::text),
      jsonb_build_object('status', ${ENQUIRY_STATUS_LABELS.resolved}::text,
        'resolutionSummary', e.resolution_summary),
      e.resolved_at
    from enquiries e left join work_orders w on w.enquiry_id = e.id
    where e.resolved_at is not null`);
  await tx.execute(sql`
    insert into audit_events (actor_id, action, entity, entity_id, before, after, at)
    select coalesce(e.assignee_id, w.signed_by, e.created_by), 'enquiry.transition', 'enquiry',
      e.id::text,
      jsonb_build_object('status', ${ENQUIRY_STATUS_LABELS.resolved}::text),
      jsonb_build_object('status', ${ENQUIRY_STATUS_LABELS.followed_up}::text,
        'followUp', (${labels(FOLLOW_UP_METHOD_LABELS)} ->> e.follow_up_method::text) || '：'
          || e.follow_up_result || '（'
          || (${labels(SATISFACTION_LABELS)} ->> e.satisfaction::text) || '）'),
      e.followed_up_at
    from enquiries e left join work_orders w on w.enquiry_id = e.id
    where e.followed_up_at is not null and e.follow_up_method is not null`);
}
