// 其他's triage rules, one per question, so the evaluation can tell which answers lead anywhere:
// the account and the card (account-rules.ts), money that left the account (spending-rules.ts).
import {
  accountType,
  bankFrozen,
  cardState,
  commercialInsurance,
  contributionGap,
  identity,
  outOfArea,
  queryChannel,
  relocation,
} from "./account-rules";
import { overdraft, ownSpending, unexplainedZero } from "./spending-rules";

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
