import { and, asc, desc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { POLICY_SETTING_LABELS, type PolicySetting } from "@/db/constants";
import { regionPolicySettings, regions, users } from "@/db/schema";
import { badRequest, notFound } from "../errors";
import { shanghaiDay } from "../rules/calendar-day";
import {
  describePolicyValue,
  type Policy,
  type PolicySettingRow,
  parsePolicyValue,
  policyLevels,
  resolvePolicy,
  UNVERIFIED_MARK,
} from "../rules/policy-settings";
import type { AddPolicySettingInput, PolicySettingsListInput } from "../schemas/policy-settings";
import { type AuditContext, recordAudit } from "./audit";
import { isWithinScope } from "./region-scope";
import { regionNames } from "./regions";
import type { Actor } from "./users";

// 地区政策参数 in the database: reading what applies to a region on a day, the administrator's
// page, and adding a version. Rows are never updated or deleted (a letter names the versions it
// was written from).

const rowColumns = {
  id: regionPolicySettings.id,
  regionCode: regionPolicySettings.regionCode,
  setting: regionPolicySettings.setting,
  value: regionPolicySettings.value,
  effectiveFrom: regionPolicySettings.effectiveFrom,
  sourceNote: regionPolicySettings.sourceNote,
  verified: regionPolicySettings.verified,
};

function levelCondition(regionCode: string) {
  const codes = policyLevels(regionCode).filter((code): code is string => code !== null);
  return or(
    isNull(regionPolicySettings.regionCode),
    inArray(regionPolicySettings.regionCode, codes),
  );
}

// Every version that may apply to a region, on any day: for resolving many days at once.
export async function loadPolicyHistory(db: Executor, regionCode: string) {
  const rows = await db
    .select(rowColumns)
    .from(regionPolicySettings)
    .where(levelCondition(regionCode));
  return rows as PolicySettingRow[];
}

// Every setting for a region (a city, a district or a province) on a Beijing calendar day.
export async function loadPolicy(db: Executor, regionCode: string, day: string): Promise<Policy> {
  const rows = await db
    .select(rowColumns)
    .from(regionPolicySettings)
    .where(and(levelCondition(regionCode), lte(regionPolicySettings.effectiveFrom, day)));
  return resolvePolicy(rows as PolicySettingRow[], regionCode, day);
}

const levelName = (code: string | null, names: Map<string, string>) =>
  code === null ? "全国默认" : (names.get(code) ?? code);

// What a caseworker or the calculator reads for a region in their scope: each setting in words,
// where it comes from, and whether it is verified.
export async function policyForRegion(db: Executor, actor: Actor, regionCode: string, now: Date) {
  if (!isWithinScope(regionCode, actor.regionScope)) throw notFound("地区");
  const day = shanghaiDay(now);
  const policy = await loadPolicy(db, regionCode, day);
  const names = await regionNames(db, policyLevels(regionCode));
  return {
    day,
    policy,
    described: Object.values(policy).map((setting) => ({
      setting: setting.setting,
      label: POLICY_SETTING_LABELS[setting.setting],
      text: describePolicyValue(setting.setting, setting.value),
      from: levelName(setting.regionCode, names),
      effectiveFrom: setting.effectiveFrom,
      verified: setting.verified,
      mark: setting.verified ? null : UNVERIFIED_MARK,
    })),
  };
}

// The administrator's page for one region (or the national defaults): for each setting, the
// value in force today and every version stored at this level, newest first.
export async function listPolicySettings(
  db: Executor,
  actor: Actor,
  input: PolicySettingsListInput,
  now: Date,
) {
  const region = input.regionCode ? await assertSettingRegion(db, actor, input.regionCode) : null;
  const day = shanghaiDay(now);
  const history = await db
    .select({
      ...rowColumns,
      createdAt: regionPolicySettings.createdAt,
      createdByName: users.displayName,
    })
    .from(regionPolicySettings)
    .leftJoin(users, eq(users.id, regionPolicySettings.createdBy))
    .where(
      input.regionCode
        ? eq(regionPolicySettings.regionCode, input.regionCode)
        : isNull(regionPolicySettings.regionCode),
    )
    .orderBy(asc(regionPolicySettings.setting), desc(regionPolicySettings.effectiveFrom));
  const policy = await loadPolicy(db, input.regionCode ?? "000000", day);
  const names = await regionNames(db, input.regionCode ? policyLevels(input.regionCode) : []);
  return {
    day,
    regionName: region?.name ?? "全国默认",
    settings: Object.values(policy).map((current) => ({
      setting: current.setting,
      label: POLICY_SETTING_LABELS[current.setting],
      current: {
        ...current,
        text: describePolicyValue(current.setting, current.value),
        from: levelName(current.regionCode, names),
      },
      versions: history
        .filter((row) => row.setting === current.setting)
        .map((row) => ({
          ...row,
          text: describePolicyValue(
            current.setting,
            parsePolicyValue(current.setting, row.value).data ?? current.value,
          ),
          inForce: row.id === current.id,
        })),
    })),
  };
}

// A province or city inside the administrator's scope; the national defaults belong to the
// administrators of the whole jurisdiction.
async function assertSettingRegion(db: Executor, actor: Actor, code: string) {
  if (!isWithinScope(code, actor.regionScope)) throw notFound("地区");
  const [region] = await db.select().from(regions).where(eq(regions.code, code));
  if (!region || region.level === "district") throw badRequest("请选择省或地市", "regionCode");
  return region;
}

export async function addPolicySetting(
  db: Database,
  actor: Actor,
  input: AddPolicySettingInput,
  audit: Omit<AuditContext, "actorId"> = {},
) {
  if (input.regionCode === null && actor.regionScope !== null) {
    throw badRequest("全国默认值只能由全辖区的系统管理员修改", "regionCode");
  }
  const parsed = parsePolicyValue(input.setting, input.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest(issue?.message ?? "参数值无效", ["value", ...(issue?.path ?? [])].join("."));
  }
  return db.transaction(async (tx) => {
    const region = input.regionCode ? await assertSettingRegion(tx, actor, input.regionCode) : null;
    const [created] = await tx
      .insert(regionPolicySettings)
      .values({
        regionCode: input.regionCode,
        setting: input.setting,
        value: parsed.data,
        effectiveFrom: input.effectiveFrom,
        sourceNote: input.sourceNote,
        verified: input.verified,
        createdBy: actor.id,
      })
      .onConflictDoNothing()
      .returning({ id: regionPolicySettings.id });
    if (!created) {
      throw badRequest("该地区此参数在这一天已有版本，请选择其他生效日期", "effectiveFrom");
    }
    await recordAudit(
      tx,
      { ...audit, actorId: actor.id },
      {
        action: "policy_setting.create",
        entity: "policy_setting",
        entityId: created.id,
        after: {
          region: region?.name ?? "全国默认",
          setting: POLICY_SETTING_LABELS[input.setting],
          value: describePolicyValue(input.setting, parsed.data),
          effectiveFrom: input.effectiveFrom,
          sourceNote: input.sourceNote,
          verified: input.verified ? "已核实" : UNVERIFIED_MARK,
        },
      },
    );
    return { id: created.id };
  });
}

// The reform start of each region below a scope that has its own row, with the national
// default's date when it has one: the markers on a monthly chart.
export async function reformStarts(db: Executor) {
  const rows = await db
    .select({
      id: regionPolicySettings.id,
      regionCode: regionPolicySettings.regionCode,
      regionName: regions.name,
      value: regionPolicySettings.value,
      effectiveFrom: regionPolicySettings.effectiveFrom,
      verified: regionPolicySettings.verified,
    })
    .from(regionPolicySettings)
    .leftJoin(regions, eq(regions.code, regionPolicySettings.regionCode))
    .where(eq(regionPolicySettings.setting, "reform_start" satisfies PolicySetting))
    .orderBy(
      asc(regionPolicySettings.effectiveFrom),
      sql`${regionPolicySettings.regionCode} asc nulls first`,
    );
  return rows.flatMap((row) => {
    const parsed = parsePolicyValue("reform_start", row.value);
    return parsed.success && parsed.data.date ? [{ ...row, date: parsed.data.date }] : [];
  });
}
