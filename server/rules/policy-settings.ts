import { z } from "zod";
import {
  PERSON_CATEGORY_CODES,
  PERSON_CATEGORY_LABELS,
  POLICY_SETTING_LABELS,
  type PolicySetting,
  TIER_MAX_LENGTH,
} from "@/db/constants";
import { calendarDay, text } from "../schemas/text";
import { chineseDay } from "./calendar-day";
import { formatFen } from "./money";

// 地区政策参数: the shape of each setting's value, how it reads in words, and how the value for a
// region on a day is found. Nothing here knows a region's actual figures: those are rows
// (national defaults from the migrations, cities from the administrators or the demo seed).

const fen = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}须精确到分`)
    .min(0, `${label}不能为负数`)
    .max(100_000_000, `${label}超出范围`);
const name = (label: string, max: number) =>
  text({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);

// "08:30": a time of day, to the minute.
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const clock = (label: string) =>
  text({ error: `请填写${label}` }).regex(CLOCK, `${label}应为 HH:MM，如 08:30`);
const count = (label: string, min: number, max: number) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}应为整数`)
    .min(min, `${label}不能小于${min}`)
    .max(max, `${label}不能超过${max}`);

export const POLICY_VALUE_SCHEMAS = {
  // Null: the date is not known here; letters then say 以当地实施时间为准.
  reform_start: z.strictObject({
    date: calendarDay("请填写有效的实施日期").nullable(),
  }),
  insurance_year_start: z.strictObject({
    month: z.union([z.literal(1), z.literal(4), z.literal(7)], {
      error: "医保年度起始月须为1月、4月或7月",
    }),
  }),
  crediting_mode: z.strictObject({
    mode: z.enum(["monthly", "pre_allocation"], { error: "请选择划入方式" }),
  }),
  // The monthly contribution base range and the share of it the member's own contribution
  // brings into the account; together they bound a plausible monthly credit.
  contribution_base: z
    .strictObject({
      floorFen: fen("缴费基数下限"),
      ceilingFen: fen("缴费基数上限"),
      accountPercent: z
        .number({ error: "请填写划入比例" })
        .gt(0, "划入比例应大于0")
        .max(12, "划入比例不能超过12%"),
    })
    .refine((value) => value.floorFen <= value.ceilingFen, {
      message: "缴费基数下限不能高于上限",
      path: ["ceilingFen"],
    }),
  retiree_allocation: z.discriminatedUnion(
    "kind",
    [
      z.strictObject({ kind: z.literal("fixed"), monthlyFen: fen("每月划入金额") }),
      z.strictObject({
        kind: z.literal("pension_share"),
        percent: z.number({ error: "请填写比例" }).gt(0, "比例应大于0").max(10, "比例不能超过10%"),
      }),
      // Not known here: letters say the city sets it.
      z.strictObject({ kind: z.literal("local") }),
    ],
    { error: "请选择退休人员划入方式" },
  ),
  // 职工医保 tiers (档次) where the region has them; a lower tier may have no personal account.
  employee_tiers: z.strictObject({
    tiers: z
      .array(
        z.strictObject({ name: name("档次名称", TIER_MAX_LENGTH), personalAccount: z.boolean() }),
      )
      .max(8, "档次不能超过8个"),
  }),
  // 人员类别 without a personal account (灵活就业 in many places; 离休 and similar groups are
  // covered another way and never reach this desk).
  accountless_categories: z.strictObject({
    categories: z
      .array(z.enum(PERSON_CATEGORY_CODES, { error: "人员类别无效" }))
      .max(PERSON_CATEGORY_CODES.length),
  }),
  monthly_deductions: z.strictObject({
    items: z
      .array(z.strictObject({ name: name("扣缴项目", 32), monthlyFen: fen("每月扣缴金额") }))
      .max(6, "扣缴项目不能超过6项"),
  }),
  // 历年余额不能透支 as a rule; a few places allow a limited overdraft by local rule.
  overdraft: z
    .strictObject({ allowed: z.boolean(), limitFen: fen("透支额度").nullable() })
    .refine((value) => value.allowed || value.limitFen === null, {
      message: "不允许透支时不设透支额度",
      path: ["limitFen"],
    }),
  family_aid: z.strictObject({
    minimumBalanceFen: fen("最低余额").nullable(),
    carriedOverOnly: z.boolean(),
    counterOnly: z.boolean(),
    note: name("说明", 200).nullable(),
  }),
  member_hotline: z.strictObject({ text: name("咨询电话", 60) }),
  // `{地市}` in the national default stands for the member's city.
  issuer: z.strictObject({ name: name("出具机构名称", 40), sealLine: name("落款", 60) }),
  notice_footer: z.strictObject({ text: name("页脚", 300) }),
  // The office's hours on a working day, in Beijing time: work-order limits counted in hours
  // run only inside them, and a limit in days ends at the close of the last one.
  office_hours: z
    .strictObject({
      periods: z
        .array(z.strictObject({ from: clock("开始时间"), to: clock("结束时间") }))
        .min(1, "至少设置一个工作时段")
        .max(4, "工作时段不能超过4个"),
    })
    .superRefine(({ periods }, ctx) => {
      const wellFormed = periods.every(
        (period) => CLOCK.test(period.from) && CLOCK.test(period.to),
      );
      // A time in the wrong form has its own message; order is judged once all are readable.
      if (!wellFormed) return;
      periods.forEach((period, index) => {
        const previous = periods[index - 1];
        if (period.from >= period.to) {
          ctx.addIssue({
            code: "custom",
            message: "结束时间应晚于开始时间",
            path: ["periods", index, "to"],
          });
        } else if (previous && period.from < previous.to) {
          ctx.addIssue({
            code: "custom",
            message: "时段应按时间先后排列且不重叠",
            path: ["periods", index, "from"],
          });
        }
      });
    }),
  // The hotline work orders' limits (12345 / 12393): 签收 in working hours, 办理 in working days
  // by the hotline's classification, urgent orders the same day, and how early they turn yellow.
  work_order_limits: z.strictObject({
    signForHours: count("签收时限（工作小时）", 1, 240),
    consultDays: count("咨询类办理时限（工作日）", 1, 60),
    helpDays: count("求助类办理时限（工作日）", 1, 60),
    complaintDays: count("投诉类办理时限（工作日）", 1, 60),
    suggestionDays: count("建议类办理时限（工作日）", 1, 60),
    urgentSameDay: z.boolean(),
    warnDays: count("提前提醒（工作日）", 0, 10),
    warnHours: count("提前提醒（工作小时）", 0, 48),
  }),
} satisfies Record<PolicySetting, z.ZodType>;

export type PolicyValue<K extends PolicySetting> = z.infer<(typeof POLICY_VALUE_SCHEMAS)[K]>;

export function parsePolicyValue<K extends PolicySetting>(setting: K, value: unknown) {
  return POLICY_VALUE_SCHEMAS[setting].safeParse(value) as z.ZodSafeParseResult<PolicyValue<K>>;
}

export type PolicySettingRow = {
  id: number;
  regionCode: string | null;
  setting: PolicySetting;
  value: unknown;
  effectiveFrom: string;
  sourceNote: string;
  verified: boolean;
};

export type ResolvedSetting<K extends PolicySetting> = Omit<PolicySettingRow, "value"> & {
  setting: K;
  value: PolicyValue<K>;
};

export type Policy = { [K in PolicySetting]: ResolvedSetting<K> };

// The codes a row may be stored under for a region: its city, its province, the national
// default (null), most specific first. A district reads its city's rows.
export function policyLevels(regionCode: string): (string | null)[] {
  const province = `${regionCode.slice(0, 2)}0000`;
  const city = `${regionCode.slice(0, 4)}00`;
  return city === province ? [province, null] : [city, province, null];
}

// The value of every setting for a region on a day: the city's version in force on that day,
// else the province's, else the national default. A stored value that no longer fits its
// schema is a broken invariant, not a user error: it throws.
export function resolvePolicy(
  rows: readonly PolicySettingRow[],
  regionCode: string,
  day: string,
): Policy {
  const levels = policyLevels(regionCode);
  const resolved: Partial<Record<PolicySetting, ResolvedSetting<PolicySetting>>> = {};
  for (const setting of Object.keys(POLICY_VALUE_SCHEMAS) as PolicySetting[]) {
    let chosen: PolicySettingRow | undefined;
    for (const level of levels) {
      chosen = rows
        .filter(
          (row) => row.setting === setting && row.regionCode === level && row.effectiveFrom <= day,
        )
        .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
      if (chosen) break;
    }
    if (!chosen) throw new Error(`no national default for policy setting ${setting}`);
    const parsed = parsePolicyValue(setting, chosen.value);
    if (!parsed.success) throw new Error(`policy setting ${chosen.id} does not fit its schema`);
    resolved[setting] = { ...chosen, value: parsed.data } as ResolvedSetting<PolicySetting>;
  }
  return resolved as Policy;
}

// The ids of the versions a letter or a calculation was written from.
export const policySettingIds = (policy: Policy) =>
  Object.values(policy)
    .map((setting) => setting.id)
    .sort((a, b) => a - b);

export const unverifiedSettings = (policy: Policy, used: readonly PolicySetting[]) =>
  used.filter((setting) => !policy[setting].verified).map((key) => POLICY_SETTING_LABELS[key]);

export const UNVERIFIED_MARK = "示例（未核实）";

// Why a member's 档次 does not fit the region's tiers, or null: a region without tiers takes
// none, a region with tiers takes one of its own (or none, when the caseworker does not know).
export function tierIssue(
  { tiers }: PolicyValue<"employee_tiers">,
  tier: string | null,
): string | null {
  if (!tier) return null;
  if (tiers.length === 0) return "本地区职工医保不分档次，请不要填写档次";
  if (tiers.some((one) => one.name === tier)) return null;
  return `档次须为本地区设置的档次之一：${tiers.map((one) => one.name).join("、")}`;
}

// One line in words for the admin page and the letter preview.
export function describePolicyValue<K extends PolicySetting>(
  setting: K,
  value: PolicyValue<K>,
): string {
  const v = value as PolicyValue<PolicySetting>;
  switch (setting) {
    case "reform_start": {
      const { date } = v as PolicyValue<"reform_start">;
      return date ? chineseDay(date) : "以当地实施时间为准";
    }
    case "insurance_year_start": {
      const { month } = v as PolicyValue<"insurance_year_start">;
      return month === 1 ? "1月1日起（自然年度）" : `${month}月1日起至次年${month - 1}月底`;
    }
    case "crediting_mode":
      return (v as PolicyValue<"crediting_mode">).mode === "monthly"
        ? "按月划入"
        : "按医保年度预划";
    case "contribution_base": {
      const base = v as PolicyValue<"contribution_base">;
      return `缴费基数 ${formatFen(base.floorFen)}～${formatFen(base.ceilingFen)}，个人缴费划入 ${base.accountPercent}%`;
    }
    case "retiree_allocation": {
      const allocation = v as PolicyValue<"retiree_allocation">;
      if (allocation.kind === "fixed") return `定额划入，每月 ${formatFen(allocation.monthlyFen)}`;
      if (allocation.kind === "pension_share") {
        return `按上年度基本养老金的 ${allocation.percent}% 划入`;
      }
      return "按当地规定定额划入";
    }
    case "employee_tiers": {
      const { tiers } = v as PolicyValue<"employee_tiers">;
      if (tiers.length === 0) return "不分档次";
      return tiers
        .map((tier) => `${tier.name}${tier.personalAccount ? "" : "（不设个人账户）"}`)
        .join("、");
    }
    case "accountless_categories": {
      const { categories } = v as PolicyValue<"accountless_categories">;
      return categories.length === 0
        ? "无"
        : categories.map((category) => PERSON_CATEGORY_LABELS[category]).join("、");
    }
    case "monthly_deductions": {
      const { items } = v as PolicyValue<"monthly_deductions">;
      return items.length === 0
        ? "无"
        : items.map((item) => `${item.name} 每月 ${formatFen(item.monthlyFen)}`).join("；");
    }
    case "overdraft": {
      const overdraft = v as PolicyValue<"overdraft">;
      if (!overdraft.allowed) return "历年余额不能透支";
      return overdraft.limitFen === null
        ? "按当地规定可有限透支"
        : `可透支，额度 ${formatFen(overdraft.limitFen)}`;
    }
    case "family_aid": {
      const aid = v as PolicyValue<"family_aid">;
      const parts = [
        aid.minimumBalanceFen === null
          ? "不设最低余额"
          : `余额高于 ${formatFen(aid.minimumBalanceFen)} 方可共济`,
        aid.carriedOverOnly ? "仅历年余额可共济" : null,
        aid.counterOnly ? "仅限窗口办理" : null,
        aid.note,
      ];
      return parts.filter(Boolean).join("；");
    }
    case "member_hotline":
      return (v as PolicyValue<"member_hotline">).text;
    case "issuer": {
      const issuer = v as PolicyValue<"issuer">;
      return `${issuer.name}（落款：${issuer.sealLine}）`;
    }
    case "notice_footer":
      return (v as PolicyValue<"notice_footer">).text;
    case "office_hours":
      return (v as PolicyValue<"office_hours">).periods
        .map((period) => `${period.from}–${period.to}`)
        .join("、");
    case "work_order_limits": {
      const limits = v as PolicyValue<"work_order_limits">;
      return [
        `签收 ${limits.signForHours} 个工作小时`,
        `办理：咨询 ${limits.consultDays}、求助 ${limits.helpDays}、投诉 ${limits.complaintDays}、建议 ${limits.suggestionDays} 个工作日`,
        limits.urgentSameDay ? "紧急件当日办结" : null,
        `到期前 ${limits.warnDays} 个工作日（按小时计的 ${limits.warnHours} 个工作小时）提醒`,
      ]
        .filter(Boolean)
        .join("；");
    }
  }
  return "";
}

// The issuing body for a member's city: the national default names none and stands for the
// city's own 经办机构 through `{地市}`.
export function issuerFor(policy: Policy, cityName: string) {
  const fill = (line: string) => line.replaceAll("{地市}", cityName);
  return { name: fill(policy.issuer.value.name), sealLine: fill(policy.issuer.value.sealLine) };
}
