import type postgres from "postgres";
import {
  CAUSE_CODES,
  CAUSE_LABELS,
  type Cause,
  CHANNEL_LABELS,
  type Channel,
  causeTagLabel,
  ENQUIRY_STATUS_LABELS,
  type EnquiryStatus,
  INSURANCE_SCHEME_LABELS,
  type InsuranceScheme,
  PERSON_CATEGORY_LABELS,
  type PersonCategory,
  PRIORITY_LABELS,
  type Priority,
  SATISFACTION_LABELS,
  type Satisfaction,
  type SubReason,
  SYMPTOM_LABELS,
  type Symptom,
} from "@/db/constants";
import { shanghaiDayStart, shiftMonth } from "../../rules/calendar-day";
import { fenToYuanString } from "../../rules/money";
import type { AnalyticsFilter } from "../../schemas/analytics";
import { scopeRange } from "../region-scope";
import type { Actor } from "../users";
import type { Cell, Column } from "./sheet";

// One row per enquiry, for the detail export. Personal data leaves only in its masked form:
// the query never reads the encrypted or hashed columns.
export type EnquiryExportRow = {
  id: number;
  openedAt: string;
  regionName: string;
  channel: string;
  symptom: string;
  causes: string;
  primaryCause: string;
  status: string;
  priority: string;
  memberName: string;
  idNumberMasked: string;
  phoneMasked: string | null;
  insuranceScheme: string;
  personCategory: string | null;
  tier: string | null;
  reportedBalanceYuan: string | null;
  disputedAmountYuan: string | null;
  dueAt: string;
  resolvedAt: string | null;
  satisfaction: string | null;
};

export const ENQUIRY_EXPORT_COLUMNS: readonly (Column & { key: keyof EnquiryExportRow })[] = [
  { key: "id", header: "工单编号", kind: "integer", width: 10 },
  { key: "openedAt", header: "受理时间", kind: "text", width: 17 },
  { key: "regionName", header: "地区", kind: "text" },
  { key: "channel", header: "渠道", kind: "text" },
  { key: "symptom", header: "反映问题", kind: "text", width: 18 },
  { key: "causes", header: "原因分类", kind: "text", width: 30 },
  { key: "primaryCause", header: "主要原因", kind: "text" },
  { key: "status", header: "状态", kind: "text", width: 10 },
  { key: "priority", header: "优先级", kind: "text", width: 8 },
  { key: "memberName", header: "参保人", kind: "text", width: 10 },
  { key: "idNumberMasked", header: "身份证号", kind: "text", width: 20 },
  { key: "phoneMasked", header: "手机号", kind: "text" },
  { key: "insuranceScheme", header: "险种", kind: "text", width: 12 },
  { key: "personCategory", header: "人员类别", kind: "text" },
  { key: "tier", header: "档次", kind: "text", width: 8 },
  { key: "reportedBalanceYuan", header: "反映余额（元）", kind: "amount" },
  { key: "disputedAmountYuan", header: "涉及金额（元）", kind: "amount" },
  { key: "dueAt", header: "到期时间", kind: "text", width: 17 },
  { key: "resolvedAt", header: "办结时间", kind: "text", width: 17 },
  { key: "satisfaction", header: "满意度", kind: "text", width: 10 },
];

export function enquiryCells(row: EnquiryExportRow): Cell[] {
  return ENQUIRY_EXPORT_COLUMNS.map((column) => row[column.key]);
}

// The rows travel from Postgres in batches of this many; memory holds one batch at a time.
const CURSOR_BATCH = 1000;

type RawRow = {
  id: string;
  opened_at: string;
  region_name: string;
  channel: Channel;
  symptom: Symptom;
  causes: Cause[] | null;
  // '' where the tag has no sub-reason (see the query).
  sub_reasons: (SubReason | "")[] | null;
  primary_cause: Cause | null;
  status: EnquiryStatus;
  priority: Priority;
  // Null for a hotline order whose member is not identified yet.
  member_name: string | null;
  id_number_masked: string | null;
  phone_masked: string | null;
  insurance_scheme: InsuranceScheme | null;
  person_category: PersonCategory | null;
  tier: string | null;
  reported_balance_fen: string | null;
  disputed_amount_fen: string | null;
  due_at: string;
  resolved_at: string | null;
  satisfaction: Satisfaction | null;
};

// Calendar months in Beijing time, as timestamptz literals: drizzle's client passes parameters through as text, not Dates.
export function openedBounds(filter: AnalyticsFilter): { start: string; end: string } {
  return {
    start: shanghaiDayStart(`${filter.from}-01`).toISOString(),
    end: shanghaiDayStart(`${shiftMonth(filter.to, 1)}-01`).toISOString(),
  };
}

function regionWithin(sql: postgres.Sql, scope: string | null | undefined) {
  if (!scope) return sql`true`;
  const { from, to } = scopeRange(scope);
  return sql`e.region_code between ${from} and ${to}`;
}

function conditions(sql: postgres.Sql, actor: Actor, filter: AnalyticsFilter) {
  const { start, end } = openedBounds(filter);
  const where = [
    sql`e.opened_at >= ${start}::timestamptz and e.opened_at < ${end}::timestamptz`,
    regionWithin(sql, actor.regionScope),
    regionWithin(sql, filter.regionCode),
  ];
  if (filter.symptoms?.length) {
    where.push(sql`e.symptom = any(${sql.array(filter.symptoms)}::text[])`);
  }
  if (filter.channels?.length) {
    where.push(sql`e.channel = any(${sql.array(filter.channels)}::text[])`);
  }
  if (filter.causes?.length) {
    where.push(sql`exists (select 1 from enquiry_causes fc where fc.enquiry_id = e.id
      and fc.cause = any(${sql.array(filter.causes)}::text[]))`);
  }
  return where.reduce((all, condition) => sql`${all} and ${condition}`);
}

const yuan = (fen: string | null) => (fen === null ? null : fenToYuanString(Number(fen)));

function toExportRow(raw: RawRow): EnquiryExportRow {
  const causes = raw.causes ?? [];
  return {
    id: Number(raw.id),
    openedAt: raw.opened_at,
    regionName: raw.region_name,
    channel: CHANNEL_LABELS[raw.channel],
    symptom: SYMPTOM_LABELS[raw.symptom],
    causes: causes
      .map((cause, i) => causeTagLabel({ cause, subReason: raw.sub_reasons?.[i] || null }))
      .join("、"),
    primaryCause: raw.primary_cause ? CAUSE_LABELS[raw.primary_cause] : "",
    status: ENQUIRY_STATUS_LABELS[raw.status],
    priority: PRIORITY_LABELS[raw.priority],
    memberName: raw.member_name ?? "待识别参保人",
    idNumberMasked: raw.id_number_masked ?? "",
    phoneMasked: raw.phone_masked,
    insuranceScheme: raw.insurance_scheme ? INSURANCE_SCHEME_LABELS[raw.insurance_scheme] : "",
    personCategory: raw.person_category ? PERSON_CATEGORY_LABELS[raw.person_category] : null,
    tier: raw.tier,
    reportedBalanceYuan: yuan(raw.reported_balance_fen),
    disputedAmountYuan: yuan(raw.disputed_amount_fen),
    dueAt: raw.due_at,
    resolvedAt: raw.resolved_at,
    satisfaction: raw.satisfaction ? SATISFACTION_LABELS[raw.satisfaction] : null,
  };
}

// An export runs at the pace of its download, well past the pool's per-statement limit, which
// Postgres counts from the first batch of a cursor to the last; this bounds it instead.
const EXPORT_TIME_LIMIT = "30min";

// Enquiries opened in the filter's months, inside the actor's scope and the filter's region,
// tagged with ANY of the filter's causes, oldest first. A server-side cursor hands them over a
// batch at a time, so a million-row export runs in constant memory. It holds one connection
// (a read-only transaction, for the longer time limit) until the last row is read or the
// caller stops iterating.
export async function* exportEnquiryRows(
  pool: postgres.Sql,
  actor: Actor,
  filter: AnalyticsFilter,
): AsyncGenerator<EnquiryExportRow> {
  const sql = await pool.reserve();
  let inTransaction = false;
  try {
    await sql`begin transaction read only`;
    inTransaction = true;
    await sql`select set_config('statement_timeout', ${EXPORT_TIME_LIMIT}, true)`;
    // Causes in the order of CAUSES, the primary one first (as on the enquiry page).
    const causeOrder = sql`c.is_primary desc, array_position(${sql.array(CAUSE_CODES)}::text[], c.cause)`;
    const query = sql<RawRow[]>`
      select e.id::text as id,
        to_char(e.opened_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as opened_at,
        r.name as region_name,
        e.channel, e.symptom, e.status, e.priority, e.satisfaction,
        m.name as member_name,
        m.id_number_masked,
        m.phone_masked,
        m.insurance_scheme, m.person_category, m.tier,
        e.reported_balance_fen::text as reported_balance_fen,
        e.disputed_amount_fen::text as disputed_amount_fen,
        to_char(e.due_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as due_at,
        to_char(e.resolved_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as resolved_at,
        tags.causes, tags.sub_reasons, tags.primary_cause
      from enquiries e
      left join members m on m.id = e.member_id
      join regions r on r.code = e.region_code
      left join lateral (
        select array_agg(c.cause order by ${causeOrder}) as causes,
          -- '' rather than NULL: the driver reads a NULL array element back as the text NULL.
          array_agg(coalesce(c.sub_reason, '') order by ${causeOrder})
            as sub_reasons,
          min(c.cause) filter (where c.is_primary) as primary_cause
        from enquiry_causes c where c.enquiry_id = e.id
      ) tags on true
      where ${conditions(sql, actor, filter)}
      order by e.opened_at, e.id`;
    for await (const batch of query.cursor(CURSOR_BATCH)) {
      for (const raw of batch) yield toExportRow(raw);
    }
    await sql`commit`;
    inTransaction = false;
  } finally {
    // Also when the download was cancelled or failed: the connection goes back clean.
    if (inTransaction) await sql`rollback`.catch(() => undefined);
    sql.release();
  }
}
