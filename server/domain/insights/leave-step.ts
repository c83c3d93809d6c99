import type { Database, Executor } from "@/db";
import { POLICY_SETTING_LABELS } from "@/db/constants";
import { badRequest, DomainError } from "../../errors";
import { chineseDay, shanghaiDay } from "../../rules/calendar-day";
import {
  calculateLeave,
  LEAVE_POLICY_SETTINGS,
  leaveCalculationFactsOf,
  leavePolicyOf,
} from "../../rules/leave-calculator";
import { describePolicyValue, UNVERIFIED_MARK } from "../../rules/policy-settings";
import type { LeaveCalculationQuery, SaveLeaveCalculationInput } from "../../schemas/insights";
import type { AuditContext } from "../audit";
import { addResolutionStep } from "../enquiries/update";
import { loadPolicy } from "../policy-settings";
import { type EnquiryRow, loadEnquiryInScope } from "../scoped-rows";
import type { Actor } from "../users";

// The 离职减员 calculation of an enquiry: previewed while the caseworker types, and saved as the
// 计算实际划入资金 step. Both run the rule on the server with the same regional settings, so the
// saved step says what the drawer showed.
//
// The settings are those in force in the enquiry's region on its filing day (Beijing), not
// today: the figures of an enquiry then stay the same whenever its calculation is opened or
// saved, and a version an administrator adds later does not rewrite what the member was told.

async function enquiryPolicy(db: Executor, enquiry: EnquiryRow) {
  const day = shanghaiDay(enquiry.openedAt);
  return { day, policy: await loadPolicy(db, enquiry.regionCode, day) };
}

export async function leaveCalculationFor(
  db: Database,
  actor: Actor,
  input: LeaveCalculationQuery,
) {
  const enquiry = await loadEnquiryInScope(db, actor, input.id);
  const { day, policy } = await enquiryPolicy(db, enquiry);
  return {
    policyDay: day,
    settings: LEAVE_POLICY_SETTINGS.map((setting) => {
      const current = policy[setting];
      return {
        id: current.id,
        setting,
        label: POLICY_SETTING_LABELS[setting],
        text: describePolicyValue(setting, current.value),
        effectiveFrom: current.effectiveFrom,
        verified: current.verified,
        mark: current.verified ? null : UNVERIFIED_MARK,
      };
    }),
    creditingMode: policy.crediting_mode.value.mode,
    result: input.calculation ? calculateLeave(leavePolicyOf(policy), input.calculation) : null,
  };
}

export async function saveLeaveCalculation(
  db: Database,
  actor: Actor,
  input: SaveLeaveCalculationInput,
  audit: Omit<AuditContext, "actorId">,
  now: Date,
) {
  const enquiry = await loadEnquiryInScope(db, actor, input.id);
  const { day, policy } = await enquiryPolicy(db, enquiry);
  const result = calculateLeave(leavePolicyOf(policy), input.calculation);
  if (!result.ok) throw badRequest(result.message, `calculation.${result.field}`);
  const basis = LEAVE_POLICY_SETTINGS.map((setting) => {
    const { value, verified } = policy[setting];
    const mark = verified ? "" : `（${UNVERIFIED_MARK}）`;
    return `${POLICY_SETTING_LABELS[setting]}：${describePolicyValue(setting, value)}${mark}`;
  });
  // The note is internal; the figures a letter may state travel as facts.
  const note = [
    "离职减员计算：",
    ...result.value.lines,
    ...result.value.warnings.map((warning) => `提示：${warning}`),
    `依据受理日（${chineseDay(day)}）适用的地区政策参数：${basis.join("；")}。`,
  ].join("\n");
  try {
    return await addResolutionStep(
      db,
      actor,
      {
        id: input.id,
        version: input.version,
        kind: "compute_real_credit",
        note,
        facts: leaveCalculationFactsOf(result.value, policy),
      },
      audit,
      now,
    );
  } catch (error) {
    if (error instanceof DomainError && error.field === "kind") {
      throw badRequest("请先将原因分类设为「离职减员」，再保存计算结果");
    }
    throw error;
  }
}
