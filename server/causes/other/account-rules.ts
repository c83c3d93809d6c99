// 其他's rules about the account and the card: an insurance type or tier without an account, the
// wrong query channel, the card's state, a changed identity or insurance place, use outside the
// area, a frozen bank account, the member's own contribution gap and commercial insurance.
import { CARD_STATE_LABELS, PERSON_CATEGORY_LABELS, type Symptom } from "@/db/constants";
import { namedRule, type TriageFacts } from "../../rules/triage";
import { hit, said } from "../cause-module";

// The symptoms of money gone or missing, as opposed to a negative figure or an unusable card.
export const looksSpent = (symptom: Symptom) =>
  symptom === "sudden_drop" || symptom === "zero" || symptom === "mismatch";

export const accountType = namedRule("accountType", ({ symptom, insurance, facts, region }) => {
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

export const queryChannel = namedRule("queryChannel", ({ symptom, facts }) => {
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

export const cardState = namedRule("cardState", ({ symptom, facts }) => {
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

export const identity = namedRule("identity", ({ symptom, facts }) =>
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

export const relocation = namedRule("relocation", ({ symptom, facts }) =>
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
export const outOfArea = namedRule("outOfArea", ({ symptom, facts }) =>
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

export const bankFrozen = namedRule("bankFrozen", (input) => {
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
export const contributionGap = namedRule("contributionGap", (input) => {
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

export const commercialInsurance = namedRule("commercialInsurance", ({ symptom, facts }) =>
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
