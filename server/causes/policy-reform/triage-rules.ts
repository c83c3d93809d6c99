// 政策改革's triage rules, one per sub-reason, each in the region's terms: its reform date, its
// retiree allocation and when it last changed, its contribution rate, its monthly deductions.
// The outpatient reform explains a change the member noticed when the region introduced it; a
// change years later needs another fact before the reform is offered for it.
import { PERSON_CATEGORY_LABELS } from "@/db/constants";
import { chineseMonth, monthsBetween } from "../../rules/calendar-day";
import { formatFen } from "../../rules/money";
import { reformSinceDate } from "../../rules/policy-phrases";
import { namedRule, type RegionRules, type TriageHit, type TriageInput } from "../../rules/triage";
import { amountSaid, denied, hit, said } from "../cause-module";

// How long after the region's reform a lower credit is still news to members.
const REFORM_NEWS_MONTHS = 12;
// A region's setting that changed within this many months is a change the member may be asking
// about.
const RECENT_CHANGE_MONTHS = 12;
// "One or a few months" of a deduction: more than this is not a deduction the account ran into.
const MAX_DEDUCTION_MONTHS = 3;

// How many months of the region's deductions a sum is, when it is a whole few of them.
export function deductionMonths(fen: number, region: RegionRules): number | null {
  const monthly = region.monthlyDeductionFen;
  if (monthly <= 0 || fen <= 0 || fen % monthly !== 0) return null;
  const months = fen / monthly;
  return months <= MAX_DEDUCTION_MONTHS ? months : null;
}

// Whether a setting's current version took effect shortly before `today`. The first version of
// a setting (stored from long ago) is not a change.
const changedRecently = (since: string, today: string) => {
  const months = monthsBetween(since.slice(0, 7), today.slice(0, 7));
  return since > "2001-01-01" && months >= 0 && months <= RECENT_CHANGE_MONTHS;
};

// Whether the change the member talks about (first noticed then, or else now) came with the
// region's reform rather than years after it.
function reformIsNews({ facts, today, region }: TriageInput): boolean {
  if (!region.reformStart) return false;
  const month = facts.firstNoticedMonth ?? today.slice(0, 7);
  const after = monthsBetween(region.reformStart.slice(0, 7), month);
  return after >= -1 && after <= REFORM_NEWS_MONTHS;
}

const outpatientReform = namedRule("outpatientReform", (input) => {
  const { symptom, insurance, balanceFen, facts, today, region } = input;
  if (insurance?.category !== "active") return [];
  if (region.reformStart && today < region.reformStart) return [];
  // The reform lowers the credits; credits that stopped have a cause of their own.
  const stopped =
    facts.employerPaid === false ||
    facts.leftEmployer === true ||
    (facts.contributionGapMonths ?? 0) > 0;
  if (stopped) return [];
  const news = reformIsNews(input);
  const since = reformSinceDate(region.reformStart);
  const stated = said(input, "outpatient_reform");
  const hits: TriageHit[] = [];
  const reason = `${since}，单位缴纳的部分不再划入个人账户，只划入您本人缴纳的部分，所以余额比以前增长得慢。`;
  if (symptom === "mismatch" && (news || stated))
    hits.push(hit("policy_reform:outpatient_reform", news ? 50 : 20, reason));
  if (symptom === "sudden_drop" && news) {
    hits.push(
      hit("policy_reform:outpatient_reform", 10, `${since}每月划入个人账户的金额有所减少。`),
    );
  }
  const noticed = facts.firstNoticedMonth;
  if (noticed && region.reformStart && news) {
    const after = monthsBetween(region.reformStart.slice(0, 7), noticed);
    if (after >= -1 && after <= 2) {
      hits.push(
        hit(
          "policy_reform:outpatient_reform",
          10,
          `您发现划入减少的${chineseMonth(noticed)}，正是本地改革开始实施的时候。`,
        ),
      );
    }
  }
  const expected = facts.expectedBalanceFen;
  if (news && expected != null && balanceFen != null && balanceFen < expected) {
    hits.push(
      hit(
        "policy_reform:outpatient_reform",
        25,
        `您预计的 ${formatFen(expected)} 可能仍按改革前的办法估算，按现行办法实际划入会少一些。`,
      ),
    );
  }
  if (news && stated) {
    hits.push(hit("policy_reform:outpatient_reform", 10, "您提到的改革就是这次门诊共济改革。"));
  }
  if (denied(input, "outpatient_reform")) {
    hits.push(hit("policy_reform:outpatient_reform", -20, "您说的变化与改革无关。"));
  }
  return hits;
});

function retireeAllocationInWords({ retireeAllocation }: RegionRules): string {
  if (retireeAllocation.kind === "fixed") {
    return `本市退休人员个人账户每月定额划入 ${formatFen(retireeAllocation.monthlyFen)}`;
  }
  if (retireeAllocation.kind === "pension_share") {
    return `本市退休人员个人账户按上年度基本养老金的 ${retireeAllocation.percent}% 划入`;
  }
  return "退休人员个人账户每月划入多少由本市规定";
}

const retireeAllocation = namedRule("retireeAllocation", (input) => {
  const { symptom, insurance, facts, today, region } = input;
  if (insurance?.category !== "retired") return [];
  if (symptom !== "mismatch" && symptom !== "sudden_drop") return [];
  const rule = retireeAllocationInWords(region);
  const hits = [
    symptom === "mismatch"
      ? hit(
          "policy_reform:retiree_allocation",
          45,
          `${rule}，不再按在职时的办法计入，所以每月划入比在职时或改革前少。`,
        )
      : hit("policy_reform:retiree_allocation", 15, `${rule}，划入标准调低后余额增长会变慢。`),
  ];
  if (changedRecently(region.retireeAllocationSince, today)) {
    hits.push(
      hit(
        "policy_reform:retiree_allocation",
        25,
        `本市自${chineseMonth(region.retireeAllocationSince.slice(0, 7))}起调整了退休人员个人账户划入标准。`,
      ),
    );
  }
  const allocation = region.retireeAllocation;
  if (allocation.kind === "fixed" && facts.lastCreditFen === allocation.monthlyFen) {
    hits.push(
      hit(
        "policy_reform:retiree_allocation",
        25,
        `您说的每月 ${formatFen(allocation.monthlyFen)} 正是本市现行的退休人员划入标准。`,
      ),
    );
  }
  if (said(input, "retiree_allocation")) {
    hits.push(hit("policy_reform:retiree_allocation", 15, "您说的正是退休人员划入标准的调整。"));
  }
  return hits;
});

// A lower contribution base (申报工资降低, or a 灵活就业 member on a lower tier) lowers the credit.
// A wage below the local floor is raised to the floor, so that alone lowers nothing.
const baseAdjustment = namedRule("baseAdjustment", (input) => {
  const { symptom, insurance, facts, region } = input;
  const category = insurance?.category;
  if (insurance?.scheme !== "employee" || (category !== "active" && category !== "flexible")) {
    return [];
  }
  const hits: TriageHit[] = [];
  if (said(input, "contribution_base")) {
    hits.push(
      hit(
        "policy_reform:base_adjustment",
        35,
        "缴费基数下调（申报的工资降低，或选了较低的缴费档次）后，每月按比例划入个人账户的金额相应减少。",
      ),
    );
  }
  const lowered = symptom === "mismatch" || symptom === "sudden_drop";
  if (category === "flexible" && lowered && !region.accountlessCategories.includes("flexible")) {
    hits.push(
      hit(
        "policy_reform:base_adjustment",
        30,
        `${PERSON_CATEGORY_LABELS.flexible}人员按自己选择的档次缴费，选了较低的档次，划入个人账户的金额也随之减少。`,
      ),
    );
    if (facts.tier) {
      hits.push(hit("policy_reform:base_adjustment", 15, `您现在按${facts.tier}缴费。`));
    }
  }
  const credit = facts.lastCreditFen;
  if (category === "active" && credit != null && credit > 0 && !reformIsNews(input)) {
    const base = Math.round(credit / (region.accountPercent / 100));
    hits.push(
      hit(
        "policy_reform:base_adjustment",
        35,
        `本地每月按缴费基数的 ${region.accountPercent}% 划入个人账户，每月 ${formatFen(credit)} 对应的缴费基数约 ${formatFen(base)}，划入减少多半是缴费基数下调了。`,
      ),
    );
  }
  if (hits.length === 0 && symptom === "mismatch") {
    hits.push(
      hit(
        "policy_reform:base_adjustment",
        20,
        "余额与缴费对不上时，先核对缴费基数和缴费月数：缴费基数下调后每月划入也会减少。",
      ),
    );
  }
  if (denied(input, "contribution_base")) {
    hits.push(hit("policy_reform:base_adjustment", -20, "您的缴费基数没有变化。"));
  }
  return hits;
});

// The region's monthly deductions (大额医疗补助, 大病保险…): an empty account goes below zero by
// one or a few of them until the next credit arrives.
const deduction = namedRule("deduction", (input) => {
  const { symptom, insurance, balanceFen, today, region } = input;
  if (insurance?.scheme === "resident") return [];
  const monthly = region.monthlyDeductionFen;
  const stated = said(input, "deduction");
  if (monthly <= 0) {
    return stated
      ? [hit("policy_reform:deduction", 25, "个人账户按规定扣缴的费用会使余额减少。")]
      : [];
  }
  const names = region.deductionNames.join("、");
  const each = `本市每月从个人账户扣缴${names} ${formatFen(monthly)}`;
  const hits: TriageHit[] = [];
  if (balanceFen !== null && balanceFen < 0) {
    const months = deductionMonths(-balanceFen, region);
    if (months !== null) {
      hits.push(
        hit(
          "policy_reform:deduction",
          60,
          `${each}，账户用空后会扣成负数；负 ${formatFen(-balanceFen)} 正好是${months}个月的扣费，单位缴费划入后冲抵。`,
        ),
      );
    } else if (-balanceFen < monthly * MAX_DEDUCTION_MONTHS) {
      hits.push(
        hit("policy_reform:deduction", 25, `${each}，负数金额不超过三个月的扣费，多为扣费所致。`),
      );
    }
  }
  const drop = amountSaid(input, "drop_amount") ?? amountSaid(input, "deduction");
  if ((symptom === "sudden_drop" || symptom === "mismatch") && drop !== null) {
    const months = deductionMonths(drop, region);
    if (months !== null) {
      hits.push(
        hit(
          "policy_reform:deduction",
          55,
          `${each}，您说的 ${formatFen(drop)} 正是${months}个月的扣费。`,
        ),
      );
    }
  }
  if (stated) {
    const tooMuch = drop !== null && drop > monthly * MAX_DEDUCTION_MONTHS;
    hits.push(
      tooMuch
        ? hit("policy_reform:deduction", -10, `${each}，解释不了 ${formatFen(drop)} 的减少。`)
        : hit("policy_reform:deduction", 25, `您提到的扣费是${each}。`),
    );
    if (changedRecently(region.deductionsSince, today)) {
      hits.push(
        hit(
          "policy_reform:deduction",
          20,
          `本市自${chineseMonth(region.deductionsSince.slice(0, 7))}起执行现行扣缴标准：每月${names} ${formatFen(monthly)}。`,
        ),
      );
    }
  }
  return hits;
});

export const POLICY_REFORM_RULES = [outpatientReform, retireeAllocation, baseAdjustment, deduction];
