import type { Database } from "@/db";
import { badRequest, DomainError } from "../../errors";
import { calculateLeave } from "../../rules/leave-calculator";
import type { SaveLeaveCalculationInput } from "../../schemas/insights";
import type { AuditContext } from "../audit";
import { addResolutionStep } from "../enquiries/update";
import type { Actor } from "../users";

// The 离职减员 calculation saved as the 计算实际划入资金 step. The server recomputes from the
// inputs, so the step's note is the rule's own explanation, not text from the browser. The step
// mechanism checks scope, version and that 离职减员 is tagged, and writes the audit event.
export async function saveLeaveCalculation(
  db: Database,
  actor: Actor,
  input: SaveLeaveCalculationInput,
  audit: Omit<AuditContext, "actorId">,
  now: Date,
) {
  const result = calculateLeave(input.calculation);
  if (!result.ok) throw badRequest(result.message, `calculation.${result.field}`);
  try {
    return await addResolutionStep(
      db,
      actor,
      {
        id: input.id,
        version: input.version,
        kind: "compute_real_credit",
        note: ["离职减员计算：", ...result.value.lines].join("\n"),
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
