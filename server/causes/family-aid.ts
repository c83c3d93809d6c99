// 家庭共济: since the reform, spouse, parents and children bound to the account can pay their
// medical costs or resident-insurance premiums from it, which looks like an unexplained drop to
// a holder who did not know.
import { HOLDER, type Scenario } from "../cli/seed/scenarios";
import { APP_OR_CARD, maybeQuery, RELATIVE_COUNTS } from "../cli/seed/triage-facts";
import { formatFen } from "../rules/money";
import type { Policy } from "../rules/policy-settings";
import { namedRule, type TriageInput } from "../rules/triage";
import { type CauseModule, hit, ownStepKinds, said } from "./cause-module";
import { afterReform } from "./policy-reform";

// A balance this low (分) that cannot pay at the pharmacy is what relatives left of it.
const ALMOST_EMPTY_FEN = 10_000;

// Only an employee-insurance member with a personal account can have relatives bound to it.
const holdsAccount = ({ insurance, facts, region }: TriageInput) =>
  insurance?.scheme !== "resident" &&
  !(facts.tier && region.accountlessTiers.includes(facts.tier)) &&
  !(insurance?.category && region.accountlessCategories.includes(insurance.category));

const boundRelatives = namedRule("boundRelatives", (input) => {
  const { symptom, facts, balanceFen, region } = input;
  if (!holdsAccount(input)) return [];
  const relatives = facts.boundRelatives;
  if (relatives === 0) return [hit("family_aid", -100, "您的账户没有绑定家庭共济亲属。")];
  // Relatives pay only from what is in the account: they never take it below zero.
  if (symptom === "negative" || (balanceFen !== null && balanceFen < 0)) {
    return relatives == null
      ? []
      : [hit("family_aid", -40, "家庭共济只能使用账户里已有的余额，不会让余额变成负数。")];
  }
  if (relatives == null) {
    return symptom === "sudden_drop"
      ? [hit("family_aid", 15, "如果账户绑定了家庭共济的亲属，他们的花费也会从您的账户扣除。")]
      : [];
  }
  const hits = [
    hit(
      "family_aid",
      40,
      `您的个人账户绑定了${relatives}位家庭共济亲属，他们看病买药或缴纳居民医保费都可以从您的账户支付。`,
    ),
  ];
  if (symptom === "sudden_drop" || symptom === "zero" || symptom === "mismatch") {
    hits.push(hit("family_aid", 25, "亲属用卡时您不一定知道，看起来就像余额无故减少。"));
  }
  if (symptom === "unusable" && balanceFen !== null && balanceFen < ALMOST_EMPTY_FEN) {
    hits.push(
      hit(
        "family_aid",
        15,
        `余额只剩 ${formatFen(balanceFen)}，多半已被亲属用掉，不够支付这次的费用。`,
      ),
    );
  }
  if (facts.relativeRecentUse === true) {
    hits.push(hit("family_aid", 20, "您的亲属近期用过您的账户。"));
  } else if (facts.relativeRecentUse === false) {
    hits.push(hit("family_aid", -50, "绑定的亲属近期没有使用您的账户。"));
  }
  const minimum = region.familyAidMinimumFen;
  if (minimum !== null && balanceFen !== null && balanceFen < minimum) {
    hits.push(
      hit(
        "family_aid",
        -50,
        `本市账户余额高于 ${formatFen(minimum)} 的部分才能用于家庭共济，您的余额低于这个数，亲属用不了。`,
      ),
    );
  }
  return hits;
});

// An employee's ledger that shows 居民医保缴费: a bound relative's resident premium, paid from
// the account through family aid.
const relativePremium = namedRule("relativePremium", (input) => {
  const { symptom, insurance, facts } = input;
  if (insurance?.scheme !== "employee" || facts.boundRelatives === 0) return [];
  if (symptom !== "sudden_drop" && symptom !== "zero" && symptom !== "mismatch") return [];
  return said(input, "resident_insurance")
    ? [
        hit(
          "family_aid",
          45,
          "职工医保个人账户可以为绑定的亲属缴纳城乡居民医保费，明细里的居民医保缴费多半是亲属通过家庭共济缴的。",
        ),
      ]
    : [];
});

const SCENARIOS: readonly Scenario[] = [
  {
    weight: 70,
    symptom: "sudden_drop",
    memberTypes: HOLDER,
    descriptions: [
      "参保人称个账余额突然少了 {amount} 元，自己最近没看病买药",
      "参保人反映个人账户有几笔不是本人的消费，共 {amount} 元，怀疑被盗刷",
    ],
    summaries: [
      "查询家庭共济绑定记录，参保人的{relative}已绑定该账户，近期使用 {amount} 元支付医药费用。已向参保人说明，并告知可办理解绑。",
      "参保人{relative}通过家庭共济从该账户缴纳居民医保费 {amount} 元，属正常共济支出。已说明。",
    ],
  },
  {
    weight: 30,
    symptom: "zero",
    memberTypes: HOLDER,
    descriptions: ["参保人称个账余额变成 0 了，之前还有 {amount} 元，自己没用过"],
    summaries: [
      "该账户已与参保人{relative}建立家庭共济，余额 {amount} 元已用于{relative}的门诊费用。已说明共济规则。",
    ],
  },
];

// The region's limits, in one sentence, or nothing where it sets none.
function familyAidRules(policy: Policy): string {
  const rules = policy.family_aid.value;
  const parts = [
    rules.minimumBalanceFen !== null
      ? `账户余额高于 ${formatFen(rules.minimumBalanceFen)} 的部分才能用于共济`
      : null,
    rules.carriedOverOnly ? "只有历年结转的余额可以共济" : null,
    rules.counterOnly ? "共济绑定须到经办窗口办理" : null,
    rules.note,
  ].filter(Boolean);
  return parts.length === 0 ? "" : `按本地规定，${parts.join("；")}。`;
}

export const familyAid: CauseModule = {
  explain: (_subReason, { policy }) => ({
    title: "家庭共济",
    why: `您的个人账户绑定了家庭共济的亲属（配偶、父母或子女）。他们看病买药或缴纳居民医保费时，可以从您的账户支付，所以余额会在您不知情时减少。${familyAidRules(policy)}`,
    next: `可以${policy.family_aid.value.counterOnly ? "在经办窗口" : "在经办窗口或医保App"}查询绑定的亲属和每一笔支出。如不再需要共济，可以申请解除绑定。`,
    uses: ["family_aid"],
  }),
  triageRules: [boundRelatives, relativePremium],
  suggestedSteps: () => ownStepKinds("family_aid"),
  stepSentences: {
    list_bound_relatives: () => "为您查询了家庭共济绑定的亲属及其使用记录。",
    unbind_relatives: () => "为您办理了家庭共济解除绑定。",
  },
  demo: {
    share: 0.14,
    // Unknown before the reform, then growing as more holders bind their relatives.
    seasonality: (month, monthCount) =>
      afterReform(month) ? 0.4 + (1.2 * month.index) / Math.max(1, monthCount - 1) : 0,
    scenarios: () => SCENARIOS,
    secondary: [
      [["other", "medical_spending"], 3],
      [["policy_reform", "outpatient_reform"], 2],
    ],
    steps: (random, _subReason, step) => [
      step("list_bound_relatives", "账户已绑定{relative}，近三个月共济支出 {amount} 元"),
      ...(random.chance(0.35)
        ? [step("unbind_relatives", "参保人要求解除与{relative}的共济绑定，已办理")]
        : []),
    ],
    triageFacts: (random) => ({
      boundRelatives: random.weighted(RELATIVE_COUNTS),
      ...maybeQuery(random, APP_OR_CARD),
    }),
    // Only an account holder can have relatives bound to the account.
    misleadingFact: (random, _draft, insurance, facts) =>
      (insurance.category === "active" || insurance.category === "retired") &&
      facts.boundRelatives === undefined
        ? { boundRelatives: random.weighted(RELATIVE_COUNTS) }
        : null,
  },
};
