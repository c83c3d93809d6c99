import type { Cause, PolicySetting, SubReason, Symptom } from "@/db/constants";
import { SYMPTOM_LABELS } from "@/db/constants";
import { CAUSE_MODULES } from "../causes";
import type { CauseRegistry } from "../causes/cause-module";
import { chineseDay } from "./calendar-day";
import { memberExplanation } from "./member-explanations";
import { formatFen } from "./money";
import { issuerFor, type Policy, unverifiedSettings } from "./policy-settings";
import { type LetterStep, stepSentence } from "./step-sentences";

// The letter to the member (告知书), rendered from what the caseworker recorded and the region's
// settings on the day of issue. What it may say is decided here, in one place:
// - section 一 explains the causes the caseworker tagged, never a triage suggestion;
// - 经核实 appears only once the enquiry is closed; before that the letter says 正在核查 and is
//   marked as a draft;
// - section 二 holds one member-facing sentence per step (server/rules/step-sentences.ts), which
//   the caseworker may reword; the internal step notes are not an input at all;
// - issuer, seal line, hotline and footer come from the region's settings.

export const LETTER_TITLE = "医保个人账户余额咨询告知书";

export type LetterSource = {
  enquiry: {
    openedOn: string;
    symptom: Symptom;
    reportedBalanceFen: number | null;
    disputedAmountFen: number | null;
    closed: boolean;
  };
  member: { name: string; idNumberMasked: string; insuranceLabel: string; retired: boolean };
  causes: readonly { cause: Cause; subReason: SubReason | null; isPrimary: boolean }[];
  steps: readonly (LetterStep & { id: number })[];
  // The caseworker's rewording of step sentences, by step id.
  stepTexts?: Readonly<Record<number, string>>;
  policy: Policy;
  cityName: string;
  caseworkerName: string;
};

export type LetterContent = {
  issuer: string;
  sealLine: string;
  title: string;
  draft: boolean;
  salutation: string;
  opening: string;
  facts: [string, string][];
  sections: { heading: string; paragraphs: string[] }[];
  contact: string;
  footer: string;
  caseworkerName: string;
};

export type RenderedLetter = {
  content: LetterContent;
  // The step sentences as rendered, by step id, for the preview's editing fields.
  stepSentences: { id: number; text: string; edited: boolean }[];
  settingsUsed: PolicySetting[];
  unverified: string[];
};

// The longest rewording a caseworker may give one step.
export const STEP_TEXT_MAX = 200;

const ALWAYS_USED: PolicySetting[] = ["issuer", "member_hotline", "notice_footer"];

export function renderLetter(
  source: LetterSource,
  registry: CauseRegistry = CAUSE_MODULES,
): RenderedLetter {
  const { enquiry, member, policy } = source;
  const confirmed = enquiry.closed;
  const issuer = issuerFor(policy, source.cityName);
  const context = { policy, retired: member.retired };
  const causes = [...source.causes].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
  const explanations = causes.map((tag) =>
    memberExplanation(tag.cause, tag.subReason, context, registry),
  );
  const symptom = SYMPTOM_LABELS[enquiry.symptom];

  const stepSentences = source.steps.map((step) => {
    const edited = source.stepTexts?.[step.id]?.trim();
    return { id: step.id, text: edited || stepSentence(step), edited: Boolean(edited) };
  });

  const causeParagraphs =
    explanations.length === 0
      ? ["经办人员正在核查原因，核查结果将另行告知您。"]
      : explanations.flatMap((explanation, index) => [
          `${index + 1}. ${explanation.title}`,
          explanation.why,
        ]);
  const nextParagraphs =
    explanations.length === 0
      ? ["请保持电话畅通，我们核查清楚后会及时联系您。"]
      : [...new Set(explanations.map((explanation) => explanation.next))];

  const content: LetterContent = {
    issuer: issuer.name,
    sealLine: issuer.sealLine,
    title: LETTER_TITLE,
    draft: !confirmed,
    salutation: `${member.name}：`,
    opening: confirmed
      ? `您于${chineseDay(enquiry.openedOn)}反映的医保个人账户“${symptom}”问题，经核实，现将情况告知如下。`
      : `您于${chineseDay(enquiry.openedOn)}反映的医保个人账户“${symptom}”问题，我们正在核查，现将目前了解的情况告知如下，最终结果以核查完成后的告知为准。`,
    facts: [
      ["参保人", member.name],
      ["险种", member.insuranceLabel],
      ["身份证号", member.idNumberMasked],
      ["反映问题", symptom],
      [
        "反映余额",
        enquiry.reportedBalanceFen === null ? "—" : formatFen(enquiry.reportedBalanceFen),
      ],
      ["涉及金额", enquiry.disputedAmountFen === null ? "—" : formatFen(enquiry.disputedAmountFen)],
    ],
    sections: [
      {
        heading: confirmed ? "一、经核实，余额变化的原因" : "一、余额变化的可能原因（正在核查）",
        paragraphs: causeParagraphs,
      },
      {
        heading: "二、我们已为您办理",
        paragraphs:
          stepSentences.length === 0
            ? ["已受理您的咨询，正在办理中。"]
            : stepSentences.map((step, index) => `${index + 1}. ${step.text}`),
      },
      { heading: "三、您可以这样做", paragraphs: nextParagraphs },
    ],
    contact: `如有疑问，可拨打${policy.member_hotline.value.text}，或携带本告知书到经办窗口咨询。`,
    footer: policy.notice_footer.value.text,
    caseworkerName: source.caseworkerName,
  };

  const settingsUsed = [
    ...new Set([...explanations.flatMap((explanation) => explanation.uses ?? []), ...ALWAYS_USED]),
  ];
  return {
    content,
    stepSentences,
    settingsUsed,
    unverified: unverifiedSettings(policy, settingsUsed),
  };
}
