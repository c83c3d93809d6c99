// Which resolution steps a caseworker records for each tagged cause, with short notes. The kinds
// come from STEP_KINDS: the cause's own templates plus the common ones.
import {
  type Cause,
  FOLLOW_UP_METHOD_LABELS,
  type FollowUpMethod,
  type OtherSubReason,
  type StepKind,
} from "@/db/constants";
import type { Random } from "./random";
import { fillTemplate } from "./scenarios";

export type CauseTag = { cause: Cause; subReason: OtherSubReason | null; isPrimary: boolean };
export type PlannedStep = { kind: StepKind; note: string };

const OTHER_NOTES: Record<OtherSubReason, string> = {
  medical_spending: "调取增减明细，逐笔核对刷卡记录",
  employer_arrears: "单位欠缴 3 个月，已电话催缴",
  card_not_activated: "指导到银行网点激活社保卡医保功能",
  wrong_query_channel: "告知通过医保 APP 或 12393 查询个人账户",
  no_personal_account: "核实参保类型不设个人账户",
  identity_mismatch: "核对证件并更正身份信息",
  overdraft_rule: "说明当地个人账户透支规定",
  contribution_gap: "个人断缴 4 个月，账户暂停使用",
  relocation: "查询转移接续进度，转出地已受理",
  bank_account_frozen: "告知到发卡银行办理解冻",
  out_of_area_or_expired: "指导换卡并办理异地就医备案",
  commercial_insurance: "调取商业健康保险扣款授权记录",
};

function stepsForCause(
  random: Random,
  tag: CauseTag,
  values: Record<string, string>,
  policyNote: string | undefined,
): PlannedStep[] {
  const step = (kind: StepKind, note: string): PlannedStep => ({
    kind,
    note: fillTemplate(note, values),
  });
  switch (tag.cause) {
    case "resignation":
      return [
        step("print_ledger", "已打印近 12 个月个人账户增减明细"),
        step("check_leave_dates", "{leaveMonth}离职，原单位已办理减员"),
        step("compute_real_credit", "按实际在职月份重算，扣回离职后至 6 月底的预划资金"),
        step("explain_offset", "已告知负数部分可由新单位划入资金抵扣，也可到窗口补缴"),
        ...(random.chance(0.2) ? [step("top_up", "参保人选择补缴，已指导通过市民中心缴纳")] : []),
      ];
    case "system_delay": {
      const escalate = random.chance(0.2);
      return [
        step("record_expected_credit", "记录应到账金额，单位缴费已确认"),
        step("schedule_recheck", "约定 2 个工作日后复查"),
        step("recheck", escalate ? "复查仍未恢复" : "复查已到账，余额正常"),
        ...(escalate ? [step("escalate_back_office", "已附增减明细上报后台核查数据同步")] : []),
      ];
    }
    case "policy_reform":
      return [
        ...(random.chance(0.5)
          ? [step("check_contributions", "缴费基数、费率和缴费月数核对无误")]
          : []),
        step("explain_policy", policyNote ?? "说明适用的政策调整"),
        step("explain_pooled_benefits", "告知门诊统筹报销比例和年度限额"),
      ];
    case "family_aid":
      return [
        step("list_bound_relatives", "账户已绑定{relative}，近三个月共济支出 {amount} 元"),
        ...(random.chance(0.35)
          ? [step("unbind_relatives", "参保人要求解除与{relative}的共济绑定，已办理")]
          : []),
      ];
    case "other": {
      const sub = tag.subReason ?? "medical_spending";
      if (sub === "employer_arrears" || sub === "contribution_gap") {
        return [
          step("check_contributions", OTHER_NOTES[sub]),
          step("top_up", sub === "employer_arrears" ? "已通知单位补缴欠费" : "已指导补缴断缴月份"),
        ];
      }
      return [
        step("free_text", OTHER_NOTES[sub]),
        ...(sub === "medical_spending" && random.chance(0.2)
          ? [step("apply_reimbursement", "已受理门诊费用报销申请")]
          : []),
      ];
    }
  }
}

// The full plan of an enquiry, primary cause first; the caller cuts it short for open work.
export function planSteps(
  random: Random,
  tags: readonly CauseTag[],
  values: Record<string, string>,
  policyNote: string | undefined,
): PlannedStep[] {
  return tags.flatMap((tag) => stepsForCause(random, tag, values, policyNote));
}

export function followUpStep(method: FollowUpMethod, result: string): PlannedStep {
  return { kind: "follow_up", note: `${FOLLOW_UP_METHOD_LABELS[method]}：${result}` };
}
