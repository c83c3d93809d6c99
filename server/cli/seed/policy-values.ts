// The demo cities' 地区政策参数. Values the domain brief gives (苏州's 30 元 retiree allocation
// from 2025, 深圳's 4,205 元 family-aid minimum, the tiers without an account in 深圳 and 东莞,
// 上海's April insurance year, the 合肥 and 厦门 hotlines) carry their source; every other value
// is a plausible example, stored unverified, so each page and letter preview marks it
// 示例（未核实）. This file is the one place in the code where such figures are written; it is
// pure data, so the cause modules that run in the browser may read the demo's dates from it.
import type { PolicySetting } from "@/db/constants";
import type { PolicyValue } from "../../rules/policy-settings";

export type DemoSetting = {
  [K in PolicySetting]: {
    // A city's or a province's name as in the regions table.
    place: string;
    level: "province" | "city";
    setting: K;
    value: PolicyValue<K>;
    effectiveFrom: string;
    source: string | null;
  };
}[PolicySetting];

export const EXAMPLE = "示例（未核实）：演示数据，上线前请按当地文件核对";
const BRIEF = "经办业务资料";

const setting = <K extends PolicySetting>(
  place: string,
  level: "province" | "city",
  key: K,
  value: PolicyValue<K>,
  effectiveFrom: string,
  source: string | null = null,
): DemoSetting => ({ place, level, setting: key, value, effectiveFrom, source }) as DemoSetting;

const city = <K extends PolicySetting>(
  place: string,
  key: K,
  value: PolicyValue<K>,
  effectiveFrom = "2000-01-01",
  source: string | null = null,
) => setting(place, "city", key, value, effectiveFrom, source);

const province = <K extends PolicySetting>(
  place: string,
  key: K,
  value: PolicyValue<K>,
  effectiveFrom = "2000-01-01",
) => setting(place, "province", key, value, effectiveFrom);

// Each province set its own start date for the outpatient mutual-aid reform, mostly in
// 2022–2023; the demo spreads them so the charts' markers differ by region.
const REFORM_STARTS: [string, string][] = [
  ["上海市", "2021-12-01"],
  ["陕西省", "2022-10-01"],
  ["广东省", "2023-01-01"],
  ["江苏省", "2022-01-01"],
  ["安徽省", "2022-07-01"],
  ["四川省", "2022-07-01"],
  ["福建省", "2022-10-01"],
  ["贵州省", "2022-12-01"],
  ["湖北省", "2022-09-01"],
  ["湖南省", "2023-01-01"],
  ["辽宁省", "2022-10-01"],
  ["内蒙古自治区", "2022-12-01"],
];

// The first of them, by month: the demo's causes that came with the reform start here.
export const DEMO_FIRST_REFORM_MONTH = REFORM_STARTS.map(([, date]) =>
  date.slice(0, 7),
).sort()[0] as string;

// The cities whose 离职减员 cases the demo tells: they credit the insurance year in advance.
export const PRE_ALLOCATING: readonly string[] = ["乐山市", "雅安市", "德阳市", "宿州市"];

const ISSUERS: [string, string][] = [
  ["上海市", "上海市医疗保险事业管理中心"],
  ["西安市", "西安市医疗保障经办中心"],
  ["深圳市", "深圳市社会保险基金管理局"],
  ["苏州市", "苏州市医疗保险基金管理中心"],
  ["合肥市", "合肥市医疗保障经办服务中心"],
  ["乐山市", "乐山市医疗保障事务中心"],
  ["无锡市", "无锡市医疗保险基金管理中心"],
  ["东莞市", "东莞市社会保障局"],
  ["厦门市", "厦门市医疗保障服务中心"],
  ["贵阳市", "贵阳市医疗保障服务中心"],
];

export const DEMO_POLICY_SETTINGS: DemoSetting[] = [
  ...REFORM_STARTS.map(([place, date]) => province(place, "reform_start", { date })),
  city(
    "上海市",
    "insurance_year_start",
    { month: 4 },
    "2000-01-01",
    `${BRIEF}：上海医保年度为每年4月1日至次年3月31日`,
  ),
  ...PRE_ALLOCATING.flatMap((place) => [
    city(place, "insurance_year_start", { month: 7 }),
    city(place, "crediting_mode", { mode: "pre_allocation" }),
  ]),
  city("苏州市", "retiree_allocation", { kind: "fixed", monthlyFen: 5_000 }),
  city(
    "苏州市",
    "retiree_allocation",
    { kind: "fixed", monthlyFen: 3_000 },
    "2025-01-01",
    `${BRIEF}：苏州自2025年起退休人员个人账户定额划入调整为每月30元`,
  ),
  city("无锡市", "retiree_allocation", { kind: "pension_share", percent: 2 }),
  city("西安市", "retiree_allocation", { kind: "fixed", monthlyFen: 8_500 }),
  city(
    "深圳市",
    "family_aid",
    { minimumBalanceFen: 420_500, carriedOverOnly: false, counterOnly: false, note: null },
    "2000-01-01",
    `${BRIEF}：深圳个人账户余额高于4,205元方可用于家庭共济`,
  ),
  city(
    "深圳市",
    "employee_tiers",
    {
      tiers: [
        { name: "一档", personalAccount: true },
        { name: "二档", personalAccount: false },
        { name: "三档", personalAccount: false },
      ],
    },
    "2000-01-01",
    `${BRIEF}：深圳职工医保二档、三档不设个人账户`,
  ),
  city(
    "东莞市",
    "employee_tiers",
    {
      tiers: [
        { name: "一档", personalAccount: true },
        { name: "二档", personalAccount: false },
      ],
    },
    "2000-01-01",
    `${BRIEF}：东莞职工医保二档不设个人账户`,
  ),
  city("东莞市", "accountless_categories", { categories: ["flexible"] }),
  city(
    "合肥市",
    "member_hotline",
    { text: "0551-12345（转医保）" },
    "2000-01-01",
    `${BRIEF}：合肥经0551-12345转接医保咨询`,
  ),
  city(
    "厦门市",
    "member_hotline",
    { text: "(0592)12333" },
    "2000-01-01",
    `${BRIEF}：厦门医保咨询电话(0592)12333`,
  ),
  city(
    "厦门市",
    "family_aid",
    {
      minimumBalanceFen: null,
      carriedOverOnly: false,
      counterOnly: false,
      note: "厦门通过健康账户办理家庭共济",
    },
    "2000-01-01",
    `${BRIEF}：厦门家庭共济通过单独的健康账户办理`,
  ),
  city("西安市", "monthly_deductions", { items: [{ name: "大额医疗补助", monthlyFen: 1_300 }] }),
  city("贵阳市", "monthly_deductions", { items: [{ name: "大额医疗补助", monthlyFen: 1_000 }] }),
  city("乐山市", "monthly_deductions", { items: [{ name: "大病保险", monthlyFen: 800 }] }),
  city(
    "乐山市",
    "monthly_deductions",
    { items: [{ name: "大病保险", monthlyFen: 1_000 }] },
    "2026-01-01",
  ),
  city("盘锦市", "overdraft", { allowed: true, limitFen: 50_000 }),
  city("上海市", "contribution_base", {
    floorFen: 731_000,
    ceilingFen: 3_655_900,
    accountPercent: 2,
  }),
  city("深圳市", "contribution_base", {
    floorFen: 652_300,
    ceilingFen: 3_456_100,
    accountPercent: 2,
  }),
  // Hotline work orders: 西安's 12345 asks for 签收 within a working morning and gives 求助 and 投诉
  // more days; 乐山 keeps summer office hours and has no same-day rule for urgent orders.
  city("西安市", "work_order_limits", {
    signForHours: 8,
    consultDays: 3,
    helpDays: 5,
    complaintDays: 10,
    suggestionDays: 10,
    urgentSameDay: true,
    warnDays: 1,
    warnHours: 2,
  }),
  city("乐山市", "office_hours", {
    periods: [
      { from: "09:00", to: "12:00" },
      { from: "14:00", to: "18:00" },
    ],
  }),
  city("乐山市", "work_order_limits", {
    signForHours: 16,
    consultDays: 2,
    helpDays: 3,
    complaintDays: 10,
    suggestionDays: 5,
    urgentSameDay: false,
    warnDays: 1,
    warnHours: 4,
  }),
  ...ISSUERS.map(([place, name]) =>
    city(place, "issuer", { name, sealLine: `${name}（业务专用章）` }),
  ),
];
