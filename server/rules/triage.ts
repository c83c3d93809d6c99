import {
  type BalanceQueryMethod,
  CAUSE_CODES,
  type Cause,
  type InsuranceType,
  type OtherSubReason,
  STEP_KINDS,
  type StepKind,
  type Symptom,
} from "@/db/constants";
import { daysBetween } from "./calendar-day";
import { formatFen } from "./money";

// The triage rules: from what the member reports and the few facts a caseworker can ask on the
// phone, rank the documented causes. Every point a cause earns comes from one named rule with a
// sentence the member would understand, so a suggestion can always say why it was made. The
// caseworker decides; nothing here tags an enquiry.

export type TriageFacts = {
  leftEmployer?: boolean | null;
  leaveDate?: string | null;
  reductionFiled?: boolean | null;
  // What the member expected to see, e.g. estimated from the contributions they paid.
  expectedBalanceFen?: number | null;
  boundRelatives?: number | null;
  employerPaid?: boolean | null;
  employerPaidOn?: string | null;
  recentlyEnrolled?: boolean | null;
  queryMethod?: BalanceQueryMethod | null;
};

export type TriageInput = {
  symptom: Symptom;
  insuranceType: InsuranceType | null;
  balanceFen: number | null;
  facts: TriageFacts;
  today: string;
};

export type Suggestion = {
  cause: Cause;
  subReason: OtherSubReason | null;
  score: number;
  reasons: string[];
  steps: StepKind[];
};

// The outpatient mutual-aid reform: from this month the employer part no longer reaches the
// personal account.
export const REFORM_START = "2022-07-01";
// Below this a suggestion is noise rather than a lead.
export const MIN_SCORE = 20;
export const MAX_SUGGESTIONS = 4;
// How long after the employer's payment a missing credit still counts as a sync delay; the
// agency re-checks after 1–2 working days, which a weekend or holiday can stretch to five.
const DELAY_WINDOW_DAYS = 5;
// A small negative figure is typically one monthly deduction (e.g. 13 元 大额医疗补助).
const SMALL_DEDUCTION_FEN = 5_000;

type Key = Cause | `other:${OtherSubReason}`;
type Hit = { key: Key; points: number; reason: string };
type Rule = (input: TriageInput) => Hit[];

const hit = (key: Key, points: number, reason: string): Hit => ({ key, points, reason });
const isDrop = (s: Symptom) => s === "sudden_drop" || s === "zero" || s === "mismatch";

const resignation: Rule = ({ symptom, facts, today }) => {
  const hits: Hit[] = [];
  if (facts.leftEmployer === true) {
    hits.push(
      hit(
        "resignation",
        35,
        "您近期离开了原单位。很多地区按参保年度提前划入个人账户资金，离职后单位办理减员，系统会扣回离职后至6月底的预划资金。",
      ),
    );
    if (symptom === "negative") {
      hits.push(
        hit(
          "resignation",
          35,
          "离职后余额变成负数，通常是离职前已刷卡用掉的钱多于重新核算后实际应划入的金额。",
        ),
      );
    } else if (symptom === "sudden_drop") {
      hits.push(hit("resignation", 15, "离职后余额突然减少，符合减员后扣回预划资金的情况。"));
    }
    if (facts.reductionFiled === false) {
      hits.push(hit("resignation", 10, "单位尚未办理减员，账户需要单位办理减员并结算后才能核准。"));
    }
  } else if (symptom === "negative" && facts.leftEmployer == null) {
    hits.push(hit("resignation", 25, "余额为负数，最常见的原因是离职后单位办理减员扣回预划资金。"));
  }
  const leave = facts.leaveDate;
  if (leave && daysBetween(leave, today) >= 0) {
    const days = daysBetween(leave, today);
    if (leave.endsWith("-06-30")) {
      hits.push(
        hit("resignation", -60, "您在6月30日离职，正好是参保年度的最后一天，不会扣回预划资金。"),
      );
      if (symptom === "sudden_drop" || symptom === "negative") {
        hits.push(
          hit(
            "other:medical_spending",
            40,
            "6月30日离职不扣回预划资金，余额减少多半是平时就医购药的正常支出。",
          ),
        );
      }
    } else if (days <= 180) {
      hits.push(hit("resignation", 10, `您离职至今约${days}天，仍在减员结算通常影响的时间内。`));
    }
  }
  return hits;
};

const systemDelay: Rule = ({ symptom, facts, today }) => {
  const hits: Hit[] = [];
  if (facts.employerPaid === true) {
    const paid = facts.employerPaidOn;
    const days = paid ? daysBetween(paid, today) : null;
    if (days !== null && days >= 0 && days <= DELAY_WINDOW_DAYS) {
      hits.push(
        hit(
          "system_delay",
          45,
          `单位${days === 0 ? "今天" : `${days}天前`}已经缴费，资金划入个人账户一般需要1至2个工作日，暂时查不到属正常。`,
        ),
      );
    } else if (days !== null && days > DELAY_WINDOW_DAYS) {
      hits.push(
        hit(
          "system_delay",
          20,
          `单位已缴费${days}天仍未到账，超出正常同步时间，需要经办机构后台核对数据。`,
        ),
      );
    } else {
      hits.push(hit("system_delay", 25, "单位已经缴费，资金可能尚未同步到个人账户。"));
    }
    if (symptom !== "sudden_drop") {
      hits.push(hit("system_delay", 20, "缴费已完成但余额未体现，多为数据同步尚未完成。"));
    }
  } else if (facts.employerPaid === false) {
    hits.push(
      hit(
        "other:employer_arrears",
        50,
        "单位还没有按时缴费，欠缴期间个人账户会暂停划入，单位补缴后才会恢复。",
      ),
    );
  }
  if (facts.recentlyEnrolled === true) {
    hits.push(hit("system_delay", 35, "您是新参保或刚激活社保卡，第一笔划入资金可能还没有到账。"));
  }
  if (symptom === "zero" && facts.recentlyEnrolled == null && facts.employerPaid == null) {
    hits.push(hit("system_delay", 15, "余额为零有时是首次划入或数据同步尚未完成。"));
  }
  if (symptom === "unusable") {
    hits.push(hit("system_delay", 20, "余额查不到或不能用，可能是系统升级或卡片数据暂时不同步。"));
    hits.push(hit("other:card_not_activated", 25, "社保卡尚未激活医保功能时，个人账户无法使用。"));
  }
  return hits;
};

const policyReform: Rule = ({ symptom, insuranceType, balanceFen, facts, today }) => {
  const hits: Hit[] = [];
  const afterReform = today >= REFORM_START;
  if (insuranceType === "employee" && afterReform) {
    if (symptom === "mismatch") {
      hits.push(
        hit(
          "policy_reform",
          35,
          "2022年7月起，单位缴纳的部分不再划入个人账户，只划入您本人缴纳的部分，所以余额比以前增长得慢。",
        ),
      );
    } else if (symptom === "sudden_drop") {
      hits.push(hit("policy_reform", 10, "2022年7月起每月划入个人账户的金额有所减少。"));
    }
    const expected = facts.expectedBalanceFen;
    if (expected != null && balanceFen != null && balanceFen < expected) {
      hits.push(
        hit(
          "policy_reform",
          25,
          `您预计的 ${formatFen(expected)} 可能仍按改革前的办法估算，按现行办法实际划入会少一些。`,
        ),
      );
    }
  }
  if (insuranceType === "retired" && (symptom === "mismatch" || symptom === "sudden_drop")) {
    hits.push(
      hit("policy_reform", 45, "退休人员每月划入多少由所在城市规定，近年不少城市调低了划入标准。"),
    );
  }
  if (symptom === "negative" && balanceFen != null && balanceFen < 0) {
    if (-balanceFen <= SMALL_DEDUCTION_FEN && insuranceType !== "resident") {
      hits.push(
        hit(
          "policy_reform",
          20,
          "负数金额很小，可能是按月扣缴的大额医疗补助等费用，单位缴费到账后会补上。",
        ),
      );
    }
  }
  return hits;
};

const familyAid: Rule = ({ symptom, facts }) => {
  const relatives = facts.boundRelatives;
  if (relatives == null) {
    return symptom === "sudden_drop"
      ? [hit("family_aid", 15, "如果账户绑定了家庭共济的亲属，他们的花费也会从您的账户扣除。")]
      : [];
  }
  if (relatives === 0) return [hit("family_aid", -100, "您的账户没有绑定家庭共济亲属。")];
  const hits = [
    hit(
      "family_aid",
      40,
      `您的个人账户绑定了${relatives}位家庭共济亲属，他们看病买药或缴纳居民医保费都可以从您的账户支付。`,
    ),
  ];
  if (isDrop(symptom)) {
    hits.push(hit("family_aid", 25, "亲属用卡时您不一定知道，看起来就像余额无故减少。"));
  }
  return hits;
};

const accountType: Rule = ({ symptom, insuranceType }) => {
  if (insuranceType === "resident") {
    return [
      hit(
        "other:no_personal_account",
        symptom === "zero" ? 80 : 55,
        "城乡居民医保不设个人账户，余额为零是正常的，看病报销走统筹基金。",
      ),
    ];
  }
  if (insuranceType === "flexible" && (symptom === "zero" || symptom === "mismatch")) {
    return [
      hit(
        "other:no_personal_account",
        40,
        "很多地区以灵活就业身份参保不设个人账户，或只按较低档次少量划入。",
      ),
    ];
  }
  return [];
};

const queryMethod: Rule = ({ symptom, facts }) => {
  if (facts.queryMethod === "bank") {
    return [
      hit(
        "other:wrong_query_channel",
        75,
        "银行ATM和网银显示的是社保卡里银行账户的余额，不是医保个人账户，两者不是一笔钱。",
      ),
    ];
  }
  if (
    facts.queryMethod === "hotline_12333" &&
    (symptom === "sudden_drop" || symptom === "mismatch")
  ) {
    return [
      hit(
        "other:wrong_query_channel",
        30,
        "12333电话只能查到当前余额，查不到收支明细，容易误以为余额不对。",
      ),
    ];
  }
  return [];
};

const RULES: Rule[] = [resignation, systemDelay, policyReform, familyAid, accountType, queryMethod];

// The common steps an "其他" suggestion leads to; the four causes use their own templates.
const OTHER_STEPS: Record<OtherSubReason, StepKind[]> = {
  medical_spending: ["apply_reimbursement", "follow_up"],
  employer_arrears: ["check_contributions", "top_up", "follow_up"],
  card_not_activated: ["free_text", "follow_up"],
  wrong_query_channel: ["free_text", "follow_up"],
  no_personal_account: ["check_contributions", "follow_up"],
  identity_mismatch: ["check_contributions", "follow_up"],
  overdraft_rule: ["check_contributions", "follow_up"],
  contribution_gap: ["check_contributions", "top_up", "follow_up"],
  relocation: ["check_contributions", "follow_up"],
  bank_account_frozen: ["free_text", "follow_up"],
  out_of_area_or_expired: ["free_text", "follow_up"],
  commercial_insurance: ["free_text", "follow_up"],
};

export function stepsFor(cause: Cause, subReason: OtherSubReason | null): StepKind[] {
  if (cause === "other") return subReason ? OTHER_STEPS[subReason] : ["free_text", "follow_up"];
  return STEP_KINDS.filter((kind) => kind.cause === cause).map((kind) => kind.code);
}

export function triage(input: TriageInput): Suggestion[] {
  const totals = new Map<Key, { points: number; reasons: string[] }>();
  for (const rule of RULES) {
    for (const { key, points, reason } of rule(input)) {
      const entry = totals.get(key) ?? { points: 0, reasons: [] };
      entry.points += points;
      // A rule that lowers a cause explains why it was ruled out, which matters only if the
      // cause still ranks; the positive reasons are what the member hears.
      if (points > 0) entry.reasons.push(reason);
      totals.set(key, entry);
    }
  }
  const order = (key: Key) => CAUSE_CODES.indexOf((key.split(":")[0] ?? key) as Cause);
  return [...totals.entries()]
    .map(([key, { points, reasons }]) => {
      const [cause, subReason] = key.split(":") as [Cause, OtherSubReason | undefined];
      return {
        cause,
        subReason: subReason ?? null,
        score: Math.max(0, Math.min(100, points)),
        reasons,
        steps: stepsFor(cause, subReason ?? null),
        key,
      };
    })
    .filter((s) => s.score >= MIN_SCORE && s.reasons.length > 0)
    .sort((a, b) => b.score - a.score || order(a.key) - order(b.key))
    .slice(0, MAX_SUGGESTIONS)
    .map(({ key: _key, ...suggestion }) => suggestion);
}

// The one reason sentence stored and shown with a suggestion.
export const reasonText = (suggestion: Pick<Suggestion, "reasons">) => suggestion.reasons.join("");
