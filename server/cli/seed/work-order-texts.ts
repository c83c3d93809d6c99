// What the demo's hotline work orders say: the platforms' numbers and unit names, the hotline's
// classification, and the words caseworkers, the manager and the hotline centre write along the
// course (退单, 转办, 挂起, 延期, 督办). Pure data and formatting; the course is in
// work-order-course.ts.
import type {
  Priority,
  ReturnReason,
  WorkOrderClassification,
  WorkOrderPlatform,
} from "@/db/constants";
import { chineseDay } from "../../rules/calendar-day";
import type { Random, Weighted } from "./random";

// The letters a city's 12345 puts before its numbers; a city not listed uses RX (热线).
const HOTLINE_PREFIXES: Record<string, string> = {
  上海市: "SH",
  西安市: "XA",
  深圳市: "SZ",
  苏州市: "SUZ",
  合肥市: "HF",
  乐山市: "LS",
  无锡市: "WX",
  东莞市: "DG",
  厦门市: "XM",
  贵阳市: "GY",
  宜昌市: "YC",
  扬州市: "YZ",
  德阳市: "DY",
  岳阳市: "YY",
  宿州市: "SX",
  盘锦市: "PJ",
  雅安市: "YA",
  兴安盟: "XAM",
  锡林郭勒盟: "XLGL",
};

// Cities whose hotline still carries its older name.
const CITIZEN_HOTLINES = new Set(["上海市", "西安市"]);

export type DispatchingCity = { code: string; name: string; shortName: string };

// 西安市12345市民服务热线, 深圳市12345政务服务便民热线, 12393医保服务热线（乐山）.
export function dispatchingUnit(platform: WorkOrderPlatform, city: DispatchingCity): string {
  if (platform === "hotline_12393") return `12393医保服务热线（${city.shortName}）`;
  return CITIZEN_HOTLINES.has(city.name)
    ? `${city.name}12345市民服务热线`
    : `${city.name}12345政务服务便民热线`;
}

// The platform's numbers, one serial per platform, city and day, rising with the other calls the
// hotline took in between: 12345 as XA20260316000412 (prefix, date, six digits), 12393 as
// YB6101202603160007 (YB, the city's code, date, four digits).
export function createNumberBook(random: Random) {
  const serials = new Map<string, number>();
  return (platform: WorkOrderPlatform, city: DispatchingCity, day: string): string => {
    const key = `${platform}:${city.code}:${day}`;
    const last = serials.get(key);
    const next =
      platform === "hotline_12345"
        ? (last ?? random.int(20, 300)) + random.int(1, 60)
        : (last ?? 0) + random.int(1, 6);
    serials.set(key, next);
    const date = day.replaceAll("-", "");
    return platform === "hotline_12345"
      ? `${HOTLINE_PREFIXES[city.name] ?? "RX"}${date}${String(next).padStart(6, "0")}`
      : `YB${city.code.slice(0, 4)}${date}${String(next).padStart(4, "0")}`;
  };
}

// Mostly questions; a negative balance that blocks a reimbursement is a call for help.
export function classificationFor(random: Random, priority: Priority): WorkOrderClassification {
  const weights: Weighted<WorkOrderClassification> =
    priority === "urgent"
      ? [
          ["help", 50],
          ["consult", 44],
          ["complaint", 6],
        ]
      : [
          ["consult", 70],
          ["help", 17],
          ["complaint", 9],
          ["suggestion", 4],
        ];
  return random.weighted(weights);
}

// 退单: the reason code and, sometimes, the caseworker's words (required for 其他).
const RETURN_REQUESTS: readonly { code: ReturnReason; text: string | null }[] = [
  { code: "outside_area", text: "来电人医保关系不在本市，非本中心参保人员" },
  { code: "outside_area", text: null },
  { code: "not_our_duty", text: "反映的是社保卡银行账户冻结，属发卡银行业务" },
  { code: "not_our_duty", text: "诉求为养老保险待遇发放，非医保经办职责" },
  { code: "incomplete", text: "工单未留参保人身份证号和联系电话，无法核实" },
  { code: "other", text: "同一诉求已由本中心窗口受理办结，属重复派单" },
];
const RETURN_REFUSALS = [
  "经查参保人在本市参保，属本中心个人账户业务，请签收办理",
  "工单已注明来电号码，可先联系来电人核实，不予退单",
];
const CENTRE_RETURN_REFUSALS = [
  "热线中心：经核实参保地在本市，不予退单",
  "热线中心：诉求涉及医保个人账户余额，应由医保经办机构办理",
];

export const returnRequest = (random: Random) => random.pick(RETURN_REQUESTS);
export const returnRefusal = (random: Random) => random.pick(RETURN_REFUSALS);
export const centreReturnRefusal = (random: Random) => random.pick(CENTRE_RETURN_REFUSALS);

export function transferReason(random: Random, toCity: string): string {
  return random.pick([
    `参保人医保关系在${toCity}，转${toCity}医保经办机构办理`,
    `来电人参保地为${toCity}，非本辖区业务`,
    `经核实参保人已于上月转入${toCity}参保`,
  ]);
}

export function pauseReason(random: Random): string {
  return random.pick([
    "等待参保单位提供离职证明",
    "等待税务部门回传缴费数据",
    "等待异地医保经办机构回函",
    "等待银行核查账户冻结情况",
  ]);
}

export function extensionReason(random: Random): string {
  return random.pick([
    "需参保单位补报减员材料，单位尚未提交",
    "需待税务部门缴费数据回传后核对",
    "需调取异地就医结算明细，对方尚未回函",
    "涉及跨年度账户结转核对，需信息科配合",
  ]);
}

export function extensionRefusal(random: Random, byCentre: boolean): string {
  return byCentre
    ? random.pick(["热线中心：该类诉求不予延期，请按期办结", "热线中心：延期理由不充分"])
    : random.pick(["剩余时限内可以办结，请抓紧办理", "材料可先电话核实，不同意延期"]);
}

// 已告知参保人延期: the note says how the member was told.
export function extensionNotice(random: Random, extendTo: string): string {
  const day = chineseDay(extendTo).replace(/^\d+年/, "");
  return random.pick([
    `电话告知参保人办理期限延至${day}，参保人表示理解`,
    `短信告知参保人办理期限延至${day}`,
    `电话未接通，已短信告知参保人延期至${day}`,
  ]);
}

export function supervisionComment(random: Random): string {
  return random.pick([
    "该工单已超期，请说明原因并尽快办结",
    "热线通报超期工单，请在答复期限前报告办理进度",
    "参保人再次来电催问，请加快办理",
  ]);
}

export function supervisionAnswer(random: Random): string {
  return random.pick([
    "已联系参保人说明情况，正在等待单位补报材料，预计两个工作日内办结",
    "数据已同步，今日回复参保人并办结",
    "已协调信息科处理，正在复核账户数据",
  ]);
}
