// 其他's rules about money that left the account: the region's overdraft rule, the member's own
// spending, and the usual leads for an employee's unexplained zero balance.
import { formatFen } from "../../rules/money";
import { namedRule, type TriageFacts, type TriageHit } from "../../rules/triage";
import { asked, denied, hit, said } from "../cause-module";
import { looksSpent } from "./account-rules";

// 历年余额不能透支 as a rule; a region's settings may allow a limited overdraft. Never tell a member
// an overdraft is allowed unless the region's rule says so.
export const overdraft = namedRule("overdraft", (input) => {
  const { balanceFen, region } = input;
  const owed = balanceFen !== null && balanceFen < 0 ? -balanceFen : null;
  const limit = region.overdraftLimitFen;
  const topic = said(input, "overdraft") || asked(input, "overdraft");
  const hits: TriageHit[] = [];
  if (region.overdraftAllowed) {
    const within = owed !== null && (limit === null || owed <= limit);
    if (within) {
      hits.push(
        hit(
          "other:overdraft_rule",
          60,
          `按本市规定，个人账户可以在${limit === null ? "规定额度" : ` ${formatFen(limit)} `}以内透支，透支部分显示为负数，由以后划入的资金抵扣。`,
        ),
      );
      if (topic) hits.push(hit("other:overdraft_rule", 15, "您说的透支正是这种情况。"));
    } else if (owed !== null) {
      hits.push(hit("other:overdraft_rule", -30, "负数超出了本市的透支额度。"));
    }
  } else if (topic) {
    hits.push(
      hit(
        "other:overdraft_rule",
        40,
        "按本地规定，个人账户历年余额不能透支，余额不足时需要自付，外地允许透支的规定在本地不适用。",
      ),
    );
  }
  return hits;
});

// The member's own spending: the usual reason for a drop. When they deny any and the relatives
// are ruled out too, the ledger has a change nobody made, which the agency must look into.
export const ownSpending = namedRule("ownSpending", (input) => {
  const { symptom, facts } = input;
  const hits: TriageHit[] = [];
  const spentSaid = said(input, "medical_spending");
  const spentDenied = denied(input, "medical_spending");
  if (symptom === "sudden_drop" && !spentDenied) {
    hits.push(
      hit(
        "other:medical_spending",
        25,
        "余额减少最常见的原因是平时就医购药从个人账户支付的费用，可以打印明细逐笔核对。",
      ),
    );
  }
  if (spentSaid && looksSpent(symptom)) {
    hits.push(hit("other:medical_spending", 15, "您提到近期看病买药，这些费用从个人账户支付。"));
  }
  if (spentDenied) {
    hits.push(hit("other:medical_spending", -25, "您近期没有就医购药。"));
    const relativesRuledOut = facts.boundRelatives === 0 || facts.relativeRecentUse === false;
    if (relativesRuledOut && facts.commercialInsurance !== true && looksSpent(symptom)) {
      hits.push(
        hit(
          "system_delay",
          35,
          "您和绑定的亲属近期都没有使用个人账户，余额却减少了，需要核对是否有系统或操作差错。",
        ),
      );
    }
  }
  return hits;
});

// The answers that say something about a zero balance; without any, the usual reasons are offered.
const ZERO_ANSWERS: (keyof TriageFacts)[] = [
  "leftEmployer",
  "reductionFiled",
  "employerPaid",
  "recentlyEnrolled",
  "boundRelatives",
  "relativeRecentUse",
  "queryMethod",
  "card",
  "identityChanged",
  "relocated",
  "contributionGapMonths",
  "accountPart",
  "outOfAreaOrExpired",
  "bankAccountFrozen",
  "commercialInsurance",
  "sameSymptomNearby",
];

// An employee's zero balance with nothing else known still gets the usual leads.
export const unexplainedZero = namedRule(
  "unexplainedZero",
  ({ symptom, insurance, facts, region, signals }) => {
    if (symptom !== "zero" || insurance?.scheme !== "employee") return [];
    const answered = ZERO_ANSWERS.some((field) => facts[field] != null);
    const told = (signals?.said.size ?? 0) + (signals?.denied.size ?? 0) > 0;
    if (answered || told) return [];
    const hits: TriageHit[] = [
      hit(
        "other:card_not_activated",
        30,
        "社保卡尚未激活医保功能时，个人账户余额会显示为零或无法使用，请先确认是否已激活。",
      ),
      hit("system_delay", 20, "新参保时第一笔划入资金到账前，余额为零。"),
      hit(
        "other:wrong_query_channel",
        20,
        "银行ATM或网银显示的是社保卡银行账户，不是医保个人账户，请通过医保App或经办窗口查询。",
      ),
    ];
    if (!facts.tier && region.accountlessTiers.length > 0) {
      hits.push(
        hit(
          "other:no_personal_account",
          25,
          `本市职工医保${region.accountlessTiers.join("、")}不设个人账户，请核对您的参保档次。`,
        ),
      );
    }
    return hits;
  },
);
