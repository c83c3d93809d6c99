// From the cues read in a description to what the cause rules take: the cues that answer one of
// the caseworker's questions become that answer (TriageFacts), the others stay text signals the
// rules read as what the member said, denied or only asked about. A question or guess never
// becomes a fact, and where the member says one thing and its opposite the question stays open.
import type { BalanceQueryMethod, CardState } from "@/db/constants";
import type { TextSignals, TriageFacts } from "../triage";
import type { CueKey, DescriptionCue } from "./cues";

export type CueReading = {
  facts: TriageFacts;
  // The balance the description gives, for when the caseworker entered none.
  balanceFen: number | null;
  signals: TextSignals;
};

// The cues that answer a question of their own; every other cue is a text signal.
const ANSWERS = new Set<CueKey>([
  "left_employer",
  "reduction_filed",
  "employer_paid",
  "employer_arrears",
  "recently_enrolled",
  "family_binding",
  "relative_use",
  "bank_query",
  "hotline_12333_query",
  "app_query",
  "card_not_activated",
  "card_activated",
  "card_replaced",
  "card_expired",
  "out_of_area",
  "identity_change",
  "relocation",
  "bank_account_frozen",
  "commercial_insurance",
  "noticed_on",
  "tier",
  "balance_amount",
]);

// Where the member names several channels, the one that explains a wrong figure best is the one
// they went by: a bank's view is never the insurance account.
const CHANNELS: [CueKey, BalanceQueryMethod][] = [
  ["bank_query", "bank"],
  ["hotline_12333_query", "hotline_12333"],
  ["app_query", "insurance_app"],
];

// A new card not yet activated says more than its having been replaced.
const CARDS: [CueKey, CardState][] = [
  ["card_not_activated", "not_activated"],
  ["card_replaced", "replaced"],
  ["card_activated", "activated"],
];

const TIER_NUMBERS: Record<string, string> = { "1": "一", "2": "二", "3": "三" };

const monthOf = (cue: DescriptionCue) => cue.month ?? cue.date?.slice(0, 7) ?? null;

export function factsFromCues(cues: readonly DescriptionCue[]): CueReading {
  const stated = cues.filter((cue) => !cue.asked);
  const said = new Map<CueKey, DescriptionCue>();
  const denied = new Map<CueKey, DescriptionCue>();
  for (const cue of stated) {
    const side = cue.negated ? denied : said;
    if (!side.has(cue.key)) side.set(cue.key, cue);
  }
  // Said and denied both: the member contradicts themselves, so neither counts.
  for (const key of [...said.keys()]) {
    if (denied.delete(key)) said.delete(key);
  }
  const yes = (key: CueKey) => said.get(key);
  const answer = (key: CueKey): boolean | null =>
    said.has(key) ? true : denied.has(key) ? false : null;

  const facts: TriageFacts = {};
  const left = answer("left_employer");
  if (left !== null) facts.leftEmployer = left;
  const leaveDate = yes("left_employer")?.date;
  if (leaveDate) facts.leaveDate = leaveDate;

  const reduction = answer("reduction_filed");
  if (reduction !== null) facts.reductionFiled = reduction;
  const reductionCue = yes("reduction_filed");
  const reductionMonth = reductionCue && monthOf(reductionCue);
  if (reductionMonth) facts.reductionMonth = reductionMonth;

  // 单位已缴费 and 单位欠缴 answer the same question from two sides.
  const paid = answer("employer_paid");
  const arrears = answer("employer_arrears");
  const notInArrears = arrears === null ? null : !arrears;
  if (paid === null || notInArrears === null || paid === notInArrears) {
    const employerPaid = paid ?? notInArrears;
    if (employerPaid !== null) facts.employerPaid = employerPaid;
    const paidOn = yes("employer_paid")?.date;
    if (employerPaid && paidOn) facts.employerPaidOn = paidOn;
  }

  const enrolled = answer("recently_enrolled");
  if (enrolled !== null) facts.recentlyEnrolled = enrolled;

  // A relative's use of the account implies a binding: only bound relatives can pay from it.
  const binding = answer("family_binding");
  const relativeUse = answer("relative_use");
  if (binding !== null) facts.boundRelatives = binding ? 1 : 0;
  if (relativeUse !== null) facts.relativeRecentUse = relativeUse;
  if (relativeUse === true && binding === null) facts.boundRelatives = 1;

  const channel = CHANNELS.find(([key]) => said.has(key));
  if (channel) facts.queryMethod = channel[1];

  const card = CARDS.find(([key]) => said.has(key));
  if (card) {
    facts.card = card[1];
    const changedOn = yes(card[0])?.date;
    if (card[1] !== "not_activated" && changedOn) facts.cardChangedOn = changedOn;
  }

  const away = [answer("card_expired"), answer("out_of_area")];
  if (away.includes(true)) facts.outOfAreaOrExpired = true;
  else if (away.includes(false)) facts.outOfAreaOrExpired = false;

  const identity = answer("identity_change");
  if (identity !== null) facts.identityChanged = identity;
  const relocated = answer("relocation");
  if (relocated !== null) facts.relocated = relocated;
  const frozen = answer("bank_account_frozen");
  if (frozen !== null) facts.bankAccountFrozen = frozen;
  const commercial = answer("commercial_insurance");
  if (commercial !== null) facts.commercialInsurance = commercial;

  // A gap's length is the answer; "断缴" without one stays what the member said.
  const gap = yes("contribution_gap");
  if (gap?.months !== undefined) facts.contributionGapMonths = gap.months;
  else if (denied.has("contribution_gap")) facts.contributionGapMonths = 0;

  const noticed = yes("noticed_on");
  const noticedMonth = noticed && monthOf(noticed);
  if (noticedMonth) facts.firstNoticedMonth = noticedMonth;

  const tier = yes("tier");
  if (tier) facts.tier = `${TIER_NUMBERS[tier.text[0] ?? ""] ?? tier.text[0]}档`;

  const settled = (key: CueKey) =>
    ANSWERS.has(key) || (key === "contribution_gap" && facts.contributionGapMonths != null);
  const amounts: Partial<Record<CueKey, number>> = {};
  for (const cue of stated) {
    if (cue.amountFen !== undefined && cue.key !== "balance_amount" && !cue.negated) {
      amounts[cue.key] ??= cue.amountFen;
    }
  }
  return {
    facts,
    balanceFen: yes("balance_amount")?.amountFen ?? null,
    signals: {
      said: new Set([...said.keys()].filter((key) => !settled(key))),
      denied: new Set([...denied.keys()].filter((key) => !settled(key))),
      asked: new Set(cues.filter((cue) => cue.asked).map((cue) => cue.key)),
      amounts,
    },
  };
}

// The facts a structured answer settles together: answering "left?" also settles when.
const ANSWER_GROUPS: (keyof TriageFacts)[][] = [
  ["leftEmployer", "leaveDate"],
  ["reductionFiled", "reductionMonth"],
  ["employerPaid", "employerPaidOn"],
  ["card", "cardChangedOn"],
];

// The caseworker's structured answers over what the description says: a field given either way
// (not null) wins, and with it the fields its answer settles, so a typed "未离职" is not paired
// with a leave date read from the text.
export function mergeFacts(fromText: TriageFacts, structured: TriageFacts): TriageFacts {
  const given = (field: keyof TriageFacts) => structured[field] != null;
  const merged: TriageFacts = { ...fromText };
  for (const group of ANSWER_GROUPS) {
    const [head] = group;
    if (head && given(head)) for (const field of group) delete merged[field];
  }
  for (const field of Object.keys(structured) as (keyof TriageFacts)[]) {
    if (given(field)) Object.assign(merged, { [field]: structured[field] });
  }
  return merged;
}
