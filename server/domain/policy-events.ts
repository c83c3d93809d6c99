import { between, desc, eq } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { policyEvents, regions, users } from "@/db/schema";
import { badRequest, notFound } from "../errors";
import { resolvePolicy } from "../rules/policy-settings";
import type { AnalyticsFilter } from "../schemas/analytics";
import type { CreatePolicyEventInput, PolicyMarker } from "../schemas/policy-events";
import { assertRollupRegion, monthsOf } from "./analytics/filter";
import { type AuditContext, recordAudit } from "./audit";
import { loadPolicyHistory, reformStarts } from "./policy-settings";
import { isWithinScope } from "./region-scope";
import { regionNames } from "./regions";
import type { Actor } from "./users";

type Audit = Omit<AuditContext, "actorId">;

const NATIONWIDE = "全国";

const REFORM_DESCRIPTION =
  "单位缴费不再划入个人账户，个人账户只计入本人缴费；门诊费用纳入统筹基金支付。";
const YEAR_TURN_DESCRIPTION =
  "新医保年度开始：个人账户按新年度核定划入，缴费基数与退休人员划入标准随之调整。";

// The markers every chart shows without anyone entering them, from the regional settings: the
// start of the outpatient mutual-aid reform where a region has its date (each province set its
// own), and the turn of the insurance year in the month the viewed region's year starts. A city
// is marked with its own dates; a province or the whole country with those of every region
// inside it.
async function builtInMarkers(
  db: Executor,
  view: string | null,
  from: string,
  to: string,
): Promise<PolicyMarker[]> {
  const months = monthsOf(from, to);
  const inRange = (day: string) => day.slice(0, 7) >= from && day.slice(0, 7) <= to;
  const markers: PolicyMarker[] = [];
  const cityView = view !== null && !view.endsWith("0000");
  const history = await loadPolicyHistory(db, view ?? "000000");
  const starts = await reformStarts(db);
  const names = new Map(starts.map((row) => [row.regionCode, row.regionName ?? NATIONWIDE]));
  const reformRows = cityView
    ? [resolvePolicy(history, view, lastDayOf(to)).reform_start].flatMap((setting) =>
        setting.value.date ? [{ regionCode: setting.regionCode, date: setting.value.date }] : [],
      )
    : starts.filter((row) => concerns(row.regionCode, view));
  for (const row of reformRows) {
    if (!inRange(row.date)) continue;
    markers.push({
      id: null,
      builtIn: true,
      effectiveOn: row.date,
      month: row.date.slice(0, 7),
      regionCode: row.regionCode,
      regionName: names.get(row.regionCode) ?? NATIONWIDE,
      label: "门诊共济改革",
      description: REFORM_DESCRIPTION,
    });
  }
  const turns = months.flatMap((month) => {
    const setting = resolvePolicy(history, view ?? "000000", `${month}-01`).insurance_year_start;
    return Number(month.slice(5)) === setting.value.month ? [{ month, setting }] : [];
  });
  const labels = await regionNames(
    db,
    turns.flatMap(({ setting }) => (setting.regionCode ? [setting.regionCode] : [])),
  );
  for (const { month, setting } of turns) {
    markers.push({
      id: null,
      builtIn: true,
      effectiveOn: `${month}-01`,
      month,
      regionCode: setting.regionCode,
      regionName: (setting.regionCode && labels.get(setting.regionCode)) || NATIONWIDE,
      label: "医保年度切换",
      description: YEAR_TURN_DESCRIPTION,
    });
  }
  return markers;
}

const lastDayOf = (month: string) => {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const day = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, "0")}`;
};

// A region's event matters to a view of a region above it (a city's change on the province's
// chart) and below it (a province's change on one of its cities), not to a sibling's.
function concerns(eventRegion: string | null, viewRegion: string | null): boolean {
  if (!eventRegion || !viewRegion) return true;
  return isWithinScope(eventRegion, viewRegion) || isWithinScope(viewRegion, eventRegion);
}

function storedColumns() {
  return {
    id: policyEvents.id,
    effectiveOn: policyEvents.effectiveOn,
    regionCode: policyEvents.regionCode,
    regionName: regions.name,
    label: policyEvents.label,
    description: policyEvents.description,
  };
}

// The markers of a monthly chart: the built-in ones and those stored for its months, limited
// to what concerns the filter's region (or the caller's scope). Ordered by date.
export async function policyMarkers(
  db: Executor,
  actor: Actor,
  filter: AnalyticsFilter,
): Promise<PolicyMarker[]> {
  assertRollupRegion(filter);
  const rows = await db
    .select(storedColumns())
    .from(policyEvents)
    .leftJoin(regions, eq(regions.code, policyEvents.regionCode))
    .where(between(policyEvents.effectiveOn, `${filter.from}-01`, lastDayOf(filter.to)))
    .orderBy(policyEvents.effectiveOn, policyEvents.id);
  const view = filter.regionCode ?? actor.regionScope;
  const stored: PolicyMarker[] = rows
    .filter((row) => concerns(row.regionCode, view) && concerns(row.regionCode, actor.regionScope))
    .map((row) => ({
      ...row,
      builtIn: false,
      month: row.effectiveOn.slice(0, 7),
      regionName: row.regionName ?? NATIONWIDE,
    }));
  const builtIn = await builtInMarkers(db, view, filter.from, filter.to);
  return [...builtIn, ...stored].sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn));
}

// The admin's list of stored events, newest first, with who added them.
export async function listPolicyEvents(db: Executor, actor: Actor) {
  const rows = await db
    .select({
      ...storedColumns(),
      createdByName: users.displayName,
      createdAt: policyEvents.createdAt,
    })
    .from(policyEvents)
    .leftJoin(regions, eq(regions.code, policyEvents.regionCode))
    .innerJoin(users, eq(users.id, policyEvents.createdBy))
    .orderBy(desc(policyEvents.effectiveOn), desc(policyEvents.id))
    .limit(500);
  return rows
    .filter((row) => concerns(row.regionCode, actor.regionScope))
    .map((row) => ({ ...row, regionName: row.regionName ?? NATIONWIDE }));
}

export async function createPolicyEvent(
  db: Database,
  actor: Actor,
  input: CreatePolicyEventInput,
  audit: Audit = {},
) {
  return db.transaction(async (tx) => {
    let regionName = NATIONWIDE;
    if (input.regionCode) {
      const [region] = await tx.select().from(regions).where(eq(regions.code, input.regionCode));
      if (!region || region.level === "district") {
        throw badRequest("请选择省或地市", "regionCode");
      }
      regionName = region.name;
    }
    const outside = input.regionCode
      ? !isWithinScope(input.regionCode, actor.regionScope)
      : actor.regionScope !== null;
    if (outside) throw badRequest("只能为管辖范围内的地区添加政策节点", "regionCode");

    const [created] = await tx
      .insert(policyEvents)
      .values({
        effectiveOn: input.effectiveOn,
        regionCode: input.regionCode,
        label: input.label,
        description: input.description || null,
        createdBy: actor.id,
      })
      .returning();
    if (!created) throw badRequest("政策节点保存失败，请重试");
    await recordAudit(
      tx,
      { ...audit, actorId: actor.id },
      {
        action: "policy_event.create",
        entity: "policy_event",
        entityId: created.id,
        after: auditFields(created, regionName),
      },
    );
    return { ...created, regionName };
  });
}

export async function deletePolicyEvent(
  db: Database,
  actor: Actor,
  input: { id: number },
  audit: Audit = {},
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ event: policyEvents, regionName: regions.name })
      .from(policyEvents)
      .leftJoin(regions, eq(regions.code, policyEvents.regionCode))
      .where(eq(policyEvents.id, input.id))
      .for("update", { of: policyEvents });
    if (!row || !concerns(row.event.regionCode, actor.regionScope)) throw notFound("政策节点");
    await tx.delete(policyEvents).where(eq(policyEvents.id, input.id));
    await recordAudit(
      tx,
      { ...audit, actorId: actor.id },
      {
        action: "policy_event.delete",
        entity: "policy_event",
        entityId: input.id,
        before: auditFields(row.event, row.regionName ?? NATIONWIDE),
      },
    );
    return { id: input.id };
  });
}

function auditFields(
  event: { effectiveOn: string; label: string; description: string | null },
  regionName: string,
) {
  return {
    effectiveOn: event.effectiveOn,
    region: regionName,
    label: event.label,
    ...(event.description ? { description: event.description } : {}),
  };
}
