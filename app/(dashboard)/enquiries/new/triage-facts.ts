import type { Dayjs } from "dayjs";
import {
  type BalanceQueryMethod,
  insuranceLabel,
  MEMBER_INSURANCES,
  type MemberInsurance,
} from "@/db/constants";
import { parseYuanToFen } from "@/server/rules/money";
import type { TriageFactsInput } from "@/server/schemas/insights";

type YesNo = "yes" | "no";

// The optional triage questions as the form holds them: yes/no selects that can stay unanswered,
// dates from the picker and amounts typed in 元.
export type TriageFormValues = {
  // The label of one of MEMBER_INSURANCES, which names its 险种 and 人员类别 pairing.
  insurance?: string;
  leftEmployer?: YesNo;
  leaveDate?: Dayjs | null;
  reductionFiled?: YesNo;
  expectedBalance?: string;
  boundRelatives?: number | null;
  employerPaid?: YesNo;
  employerPaidOn?: Dayjs | null;
  recentlyEnrolled?: YesNo;
  queryMethod?: BalanceQueryMethod;
};

// The pairings a caseworker can verify, each under the label it is shown with.
export const INSURANCE_OPTIONS = MEMBER_INSURANCES.map((insurance) => ({
  value: insuranceLabel(insurance),
  label: insuranceLabel(insurance),
}));

const verifiedInsurance = (value?: string): MemberInsurance | null =>
  MEMBER_INSURANCES.find((insurance) => insuranceLabel(insurance) === value) ?? null;

const yesNo = (value?: YesNo) => (value === undefined ? null : value === "yes");
const day = (value?: Dayjs | null) => (value ? value.format("YYYY-MM-DD") : null);

export function toTriageFacts(values: TriageFormValues | undefined): TriageFactsInput {
  const v = values ?? {};
  const expected = v.expectedBalance?.trim() ? parseYuanToFen(v.expectedBalance) : null;
  return {
    insurance: verifiedInsurance(v.insurance),
    leftEmployer: yesNo(v.leftEmployer),
    // Follow-up answers count only while the question they follow is answered "是".
    leaveDate: v.leftEmployer === "yes" ? day(v.leaveDate) : null,
    reductionFiled: v.leftEmployer === "yes" ? yesNo(v.reductionFiled) : null,
    expectedBalanceFen: expected?.ok ? expected.fen : null,
    boundRelatives: v.boundRelatives ?? null,
    employerPaid: yesNo(v.employerPaid),
    employerPaidOn: v.employerPaid === "yes" ? day(v.employerPaidOn) : null,
    recentlyEnrolled: yesNo(v.recentlyEnrolled),
    queryMethod: v.queryMethod ?? null,
  };
}

export const YES_NO_OPTIONS = [
  { value: "yes", label: "是" },
  { value: "no", label: "否" },
];
