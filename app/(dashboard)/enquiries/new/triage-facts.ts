import type { Dayjs } from "dayjs";
import {
  type AccountPart,
  type BalanceQueryMethod,
  type CardState,
  insuranceLabel,
  MEMBER_INSURANCES,
  type MemberInsurance,
  type Symptom,
} from "@/db/constants";
import type { CueKey } from "@/server/rules/description/cues";
import { parseYuanToFen } from "@/server/rules/money";
import type { TriageFactsInput } from "@/server/schemas/insights";

type YesNo = "yes" | "no";

// The optional triage questions as the form holds them: yes/no selects that can stay unanswered,
// dates and months from the pickers and amounts typed in 元.
export type TriageFormValues = {
  // The label of one of MEMBER_INSURANCES, which names its 险种 and 人员类别 pairing.
  insurance?: string;
  leftEmployer?: YesNo;
  leaveDate?: Dayjs | null;
  reductionFiled?: YesNo;
  reductionMonth?: Dayjs | null;
  expectedBalance?: string;
  boundRelatives?: number | null;
  relativeRecentUse?: YesNo;
  employerPaid?: YesNo;
  employerPaidOn?: Dayjs | null;
  recentlyEnrolled?: YesNo;
  queryMethod?: BalanceQueryMethod;
  card?: CardState;
  cardChangedOn?: Dayjs | null;
  identityChanged?: YesNo;
  relocated?: YesNo;
  contributionGapMonths?: number | null;
  lastCreditOn?: Dayjs | null;
  lastCredit?: string;
  firstNoticedMonth?: Dayjs | null;
  accountPart?: AccountPart;
  outOfAreaOrExpired?: YesNo;
  bankAccountFrozen?: YesNo;
  commercialInsurance?: YesNo;
  // The member's 档次, where the region's 职工医保 has tiers.
  tier?: string;
  // Cues read from the description that the caseworker struck out.
  removedCues?: CueKey[];
};

export type QuestionKind =
  | "yesNo"
  | "day"
  | "month"
  | "count"
  | "yuan"
  | "card"
  | "accountPart"
  | "queryMethod";

export type Question = {
  field: Exclude<keyof TriageFormValues, "insurance" | "tier" | "removedCues">;
  label: string;
  kind: QuestionKind;
  // About an employer: not asked of retirees.
  employer?: boolean;
  // Asked once the question it follows is answered so.
  follows?: { field: keyof TriageFormValues; is: string };
};

const Q = {
  leftEmployer: { field: "leftEmployer", label: "近期是否离职", kind: "yesNo", employer: true },
  leaveDate: {
    field: "leaveDate",
    label: "离职日期",
    kind: "day",
    employer: true,
    follows: { field: "leftEmployer", is: "yes" },
  },
  reductionFiled: {
    field: "reductionFiled",
    label: "单位是否已办理减员",
    kind: "yesNo",
    employer: true,
    follows: { field: "leftEmployer", is: "yes" },
  },
  reductionMonth: {
    field: "reductionMonth",
    label: "减员生效月份",
    kind: "month",
    employer: true,
    follows: { field: "reductionFiled", is: "yes" },
  },
  employerPaid: { field: "employerPaid", label: "单位是否已缴费", kind: "yesNo", employer: true },
  employerPaidOn: {
    field: "employerPaidOn",
    label: "单位缴费日期",
    kind: "day",
    employer: true,
    follows: { field: "employerPaid", is: "yes" },
  },
  recentlyEnrolled: { field: "recentlyEnrolled", label: "是否新参保", kind: "yesNo" },
  boundRelatives: { field: "boundRelatives", label: "家庭共济绑定亲属人数", kind: "count" },
  relativeRecentUse: { field: "relativeRecentUse", label: "亲属近期是否使用过账户", kind: "yesNo" },
  expectedBalance: { field: "expectedBalance", label: "预期余额（元）", kind: "yuan" },
  queryMethod: { field: "queryMethod", label: "余额查询方式", kind: "queryMethod" },
  card: { field: "card", label: "社保卡状态", kind: "card" },
  cardChangedOn: {
    field: "cardChangedOn",
    label: "激活或补换卡日期",
    kind: "day",
    follows: { field: "card", is: "activated|replaced" },
  },
  identityChanged: { field: "identityChanged", label: "是否变更过姓名或身份证号", kind: "yesNo" },
  relocated: { field: "relocated", label: "是否变更过参保地", kind: "yesNo" },
  contributionGapMonths: { field: "contributionGapMonths", label: "本人断缴月数", kind: "count" },
  lastCreditOn: { field: "lastCreditOn", label: "最近一次划入日期", kind: "day" },
  lastCredit: { field: "lastCredit", label: "最近一次划入金额（元）", kind: "yuan" },
  firstNoticedMonth: { field: "firstNoticedMonth", label: "首次发现问题的月份", kind: "month" },
  accountPart: { field: "accountPart", label: "当年账户还是历年账户", kind: "accountPart" },
  outOfAreaOrExpired: {
    field: "outOfAreaOrExpired",
    label: "是否异地使用或卡已过期",
    kind: "yesNo",
  },
  bankAccountFrozen: { field: "bankAccountFrozen", label: "卡对应银行账户是否冻结", kind: "yesNo" },
  commercialInsurance: {
    field: "commercialInsurance",
    label: "是否用个账购买商业健康保险",
    kind: "yesNo",
  },
} as const satisfies Record<string, Question>;

// The questions worth asking for each symptom, in the order a caseworker asks them on the phone;
// the month the change was first seen and how the balance was looked up go with every symptom.
export const QUESTIONS_BY_SYMPTOM: Record<Symptom, readonly Question[]> = {
  negative: [
    Q.leftEmployer,
    Q.leaveDate,
    Q.reductionFiled,
    Q.reductionMonth,
    Q.employerPaid,
    Q.employerPaidOn,
    Q.accountPart,
    Q.contributionGapMonths,
    Q.firstNoticedMonth,
    Q.queryMethod,
  ],
  sudden_drop: [
    Q.boundRelatives,
    Q.relativeRecentUse,
    Q.leftEmployer,
    Q.leaveDate,
    Q.reductionFiled,
    Q.reductionMonth,
    Q.commercialInsurance,
    Q.accountPart,
    Q.firstNoticedMonth,
    Q.queryMethod,
  ],
  zero: [
    Q.card,
    Q.cardChangedOn,
    Q.recentlyEnrolled,
    Q.employerPaid,
    Q.employerPaidOn,
    Q.identityChanged,
    Q.relocated,
    Q.contributionGapMonths,
    Q.boundRelatives,
    Q.queryMethod,
  ],
  mismatch: [
    Q.employerPaid,
    Q.employerPaidOn,
    Q.lastCreditOn,
    Q.lastCredit,
    Q.expectedBalance,
    Q.leftEmployer,
    Q.leaveDate,
    Q.contributionGapMonths,
    Q.relocated,
    Q.firstNoticedMonth,
    Q.queryMethod,
  ],
  unusable: [
    Q.card,
    Q.cardChangedOn,
    Q.identityChanged,
    Q.outOfAreaOrExpired,
    Q.bankAccountFrozen,
    Q.relocated,
    Q.employerPaid,
    Q.queryMethod,
  ],
};

// The questions shown: those of the symptom, without the employer's for a retiree, each
// follow-up once the question it follows has its answer.
export function questionsFor(
  symptom: Symptom | undefined,
  insurance: MemberInsurance | null,
  values: TriageFormValues | undefined,
): Question[] {
  if (!symptom) return [];
  const retired = insurance?.category === "retired";
  return QUESTIONS_BY_SYMPTOM[symptom].filter((question) => {
    if (retired && question.employer) return false;
    const { follows } = question;
    if (!follows) return true;
    const answer = values?.[follows.field];
    return typeof answer === "string" && follows.is.split("|").includes(answer);
  });
}

// The pairings a caseworker can verify, each under the label it is shown with.
export const INSURANCE_OPTIONS = MEMBER_INSURANCES.map((insurance) => ({
  value: insuranceLabel(insurance),
  label: insuranceLabel(insurance),
}));

export const verifiedInsurance = (value?: string): MemberInsurance | null =>
  MEMBER_INSURANCES.find((insurance) => insuranceLabel(insurance) === value) ?? null;

const yesNo = (value?: YesNo) => (value === undefined ? null : value === "yes");
const day = (value?: Dayjs | null) => (value ? value.format("YYYY-MM-DD") : null);
const month = (value?: Dayjs | null) => (value ? value.format("YYYY-MM") : null);
const yuan = (value?: string) => {
  const parsed = value?.trim() ? parseYuanToFen(value) : null;
  return parsed?.ok ? parsed.fen : null;
};

// The answers of the questions shown; one hidden since (another symptom, a retiree, a follow-up
// whose question changed) is not sent.
export function toTriageFacts(
  values: TriageFormValues | undefined,
  shown: readonly Question[],
  // The region's tiers, to check the answer against; the panel clears an answer that is not one
  // of them, so the form sends what it holds.
  tiers?: readonly string[],
): TriageFactsInput {
  const v = values ?? {};
  const asked = new Set(shown.map((question) => question.field));
  const answer = <T>(field: Question["field"], value: T): T | null =>
    asked.has(field) ? value : null;
  return {
    insurance: verifiedInsurance(v.insurance),
    tier: v.tier && (!tiers || tiers.includes(v.tier)) ? v.tier : null,
    leftEmployer: answer("leftEmployer", yesNo(v.leftEmployer)),
    leaveDate: answer("leaveDate", day(v.leaveDate)),
    reductionFiled: answer("reductionFiled", yesNo(v.reductionFiled)),
    reductionMonth: answer("reductionMonth", month(v.reductionMonth)),
    expectedBalanceFen: answer("expectedBalance", yuan(v.expectedBalance)),
    boundRelatives: answer("boundRelatives", v.boundRelatives ?? null),
    relativeRecentUse: answer("relativeRecentUse", yesNo(v.relativeRecentUse)),
    employerPaid: answer("employerPaid", yesNo(v.employerPaid)),
    employerPaidOn: answer("employerPaidOn", day(v.employerPaidOn)),
    recentlyEnrolled: answer("recentlyEnrolled", yesNo(v.recentlyEnrolled)),
    queryMethod: answer("queryMethod", v.queryMethod ?? null),
    card: answer("card", v.card ?? null),
    cardChangedOn: answer("cardChangedOn", day(v.cardChangedOn)),
    identityChanged: answer("identityChanged", yesNo(v.identityChanged)),
    relocated: answer("relocated", yesNo(v.relocated)),
    contributionGapMonths: answer("contributionGapMonths", v.contributionGapMonths ?? null),
    lastCreditOn: answer("lastCreditOn", day(v.lastCreditOn)),
    lastCreditFen: answer("lastCredit", yuan(v.lastCredit)),
    firstNoticedMonth: answer("firstNoticedMonth", month(v.firstNoticedMonth)),
    accountPart: answer("accountPart", v.accountPart ?? null),
    outOfAreaOrExpired: answer("outOfAreaOrExpired", yesNo(v.outOfAreaOrExpired)),
    bankAccountFrozen: answer("bankAccountFrozen", yesNo(v.bankAccountFrozen)),
    commercialInsurance: answer("commercialInsurance", yesNo(v.commercialInsurance)),
    ...(v.removedCues?.length ? { removedCues: v.removedCues } : {}),
  };
}

export const YES_NO_OPTIONS = [
  { value: "yes", label: "是" },
  { value: "no", label: "否" },
];
