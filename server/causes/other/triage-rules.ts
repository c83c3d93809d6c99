// 其他's triage rules: an insurance type without an account, the wrong channel, the card, the
// rarer causes each caseworker's answer names, the region's overdraft rule and the member's own
// spending. One rule per question, so the evaluation can tell which answers lead anywhere.
import { CARD_STATE_LABELS, PERSON_CATEGORY_LABELS, type Symptom } from "@/db/constants";
import { formatFen } from "../../rules/money";
import { namedRule, type TriageFacts, type TriageHit } from "../../rules/triage";
import { asked, denied, hit, said } from "../cause-module";

// The symptoms of money gone or missing, as opposed to a negative figure or an unusable card.
const looksSpent = (symptom: Symptom) =>
  symptom === "sudden_drop" || symptom === "zero" || symptom === "mismatch";

const accountType = namedRule("accountType", ({ symptom, insurance, facts, region }) => {
  const points = symptom === "zero" ? 85 : symptom === "mismatch" ? 70 : 55;
  if (insurance?.scheme === "resident") {
    return [
      hit(
        "other:no_personal_account",
        points,
        "城乡居民医保不设个人账户，余额为零是正常的，看病报销走统筹基金。",
      ),
    ];
  }
  if (insurance?.scheme !== "employee") return [];
  if (facts.tier && region.accountlessTiers.includes(facts.tier)) {
    return [
      hit(
        "other:no_personal_account",
        points,
        `本市职工医保${facts.tier}不设个人账户，余额为零是正常的，看病按规定由统筹基金报销。`,
      ),
    ];
  }
  const category = insurance.category;
  if (category && region.accountlessCategories.includes(category)) {
    return [
      hit(
        "other:no_personal_account",
        points,
        `本市${PERSON_CATEGORY_LABELS[category]}人员参加职工医保不设个人账户，余额为零是正常的。`,
      ),
    ];
  }
  return [];
});

const queryChannel = namedRule("queryChannel", ({ symptom, facts }) => {
  if (facts.queryMethod === "bank") {
    return [
      hit(
        "other:wrong_query_channel",
        75,
        "银行ATM和网银显示的是社保卡里银行账户的余额，不是医保个人账户，两者不是一笔钱。",
      ),
    ];
  }
  if (facts.queryMethod === "hotline_12333" && looksSpent(symptom)) {
    return [
      hit(
        "other:wrong_query_channel",
        30,
        "12333电话只能查到当前余额，查不到收支明细，容易误以为余额不对。",
      ),
    ];
  }
  if (facts.queryMethod === "other" && symptom !== "negative" && symptom !== "sudden_drop") {
    return [
      hit(
        "other:wrong_query_channel",
        40,
        "有些查询App只覆盖部分城市，查不到本地的个人账户，请通过本地医保App或经办窗口查询。",
      ),
    ];
  }
  return [];
});

const cardState = namedRule("cardState", ({ symptom, facts }) => {
  if (facts.card === "not_applied" || facts.card === "not_activated") {
    return [
      hit(
        "other:card_not_activated",
        symptom === "unusable" || symptom === "zero" ? 70 : 40,
        `您的社保卡${CARD_STATE_LABELS[facts.card]}，个人账户要在社保卡申领并激活医保功能后才能查询和使用。`,
      ),
    ];
  }
  if (facts.card == null && symptom === "unusable") {
    return [hit("other:card_not_activated", 20, "社保卡尚未激活医保功能时，个人账户无法使用。")];
  }
  return [];
});

const identity = namedRule("identity", ({ symptom, facts }) =>
  facts.identityChanged === true
    ? [
        hit(
          "other:identity_mismatch",
          symptom === "negative" ? 30 : 60,
          "您更改过姓名、证件号码等身份信息，参保信息与卡片信息不一致时，账户会查不到或不能使用。",
        ),
      ]
    : [],
);

const relocation = namedRule("relocation", ({ symptom, facts }) =>
  facts.relocated === true
    ? [
        hit(
          "other:relocation",
          symptom === "negative" ? 30 : 60,
          "您变更了参保地，原参保地个人账户的余额要办完转移接续才会转入，转移期间查不到或不能使用。",
        ),
      ]
    : [],
);

// Outside the allowed area or with an expired card the account cannot be used; the balance
// itself is untouched.
const outOfArea = namedRule("outOfArea", ({ symptom, facts }) =>
  facts.outOfAreaOrExpired === true && symptom === "unusable"
    ? [
        hit(
          "other:out_of_area_or_expired",
          60,
          "在参保地以外未办理异地就医备案，或社保卡已过有效期，个人账户都无法使用。",
        ),
      ]
    : [],
);

// The account is suspended by unpaid contributions too: then "冻结" is the suspension, not the bank.
const suspendedByContributions = (input: { facts: TriageFacts }, gapSaid: boolean) =>
  input.facts.employerPaid === false || (input.facts.contributionGapMonths ?? 0) > 0 || gapSaid;

const bankFrozen = namedRule("bankFrozen", (input) => {
  const { symptom, facts } = input;
  if (facts.bankAccountFrozen !== true) return [];
  const suspended = suspendedByContributions(input, said(input, "contribution_gap"));
  return [
    hit(
      "other:bank_account_frozen",
      suspended ? 20 : symptom === "unusable" ? 60 : 30,
      "社保卡对应的银行账户被冻结，卡片无法正常刷卡结算，需要到发卡银行处理。",
    ),
  ];
});

// The member's own months without contributions: a long gap suspends the account.
const contributionGap = namedRule("contributionGap", (input) => {
  const months = input.facts.contributionGapMonths;
  const points =
    months != null && months >= 3
      ? 60
      : months != null && months > 0
        ? 35
        : months == null && said(input, "contribution_gap")
          ? 40
          : 0;
  if (points === 0) return [];
  return [
    hit(
      "other:contribution_gap",
      input.symptom === "sudden_drop" ? points / 2 : points,
      `您本人${months ? `断缴${months}个月` : "中断缴费"}，断缴期间个人账户暂停划入或暂停使用，续缴后恢复。`,
    ),
  ];
});

const commercialInsurance = namedRule("commercialInsurance", ({ symptom, facts }) =>
  facts.commercialInsurance === true
    ? [
        hit(
          "other:commercial_insurance",
          looksSpent(symptom) ? 70 : 30,
          "明细里有用个人账户余额购买商业健康保险的扣款，这是经您授权的正常支出。",
        ),
      ]
    : [],
);

// 历年余额不能透支 as a rule; a region's settings may allow a limited overdraft. Never tell a member
// an overdraft is allowed unless the region's rule says so.
const overdraft = namedRule("overdraft", (input) => {
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
const ownSpending = namedRule("ownSpending", (input) => {
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
const unexplainedZero = namedRule(
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

export const OTHER_RULES = [
  accountType,
  queryChannel,
  cardState,
  identity,
  relocation,
  outOfArea,
  bankFrozen,
  contributionGap,
  commercialInsurance,
  overdraft,
  ownSpending,
  unexplainedZero,
];
