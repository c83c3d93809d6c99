import { z } from "zod";
import { AUDIT_ACTION_CODES } from "@/db/constants";
import { rowId } from "./fields";
import { instant, text } from "./text";

// The audit log browser (系统管理 → 审计日志): filters and a keyset cursor, newest first.
export const listAuditEventsInput = z.strictObject({
  from: instant().optional(),
  to: instant().optional(),
  actorId: rowId.optional(),
  action: z.enum(AUDIT_ACTION_CODES, { error: "操作类型无效" }).optional(),
  entity: text()
    .regex(/^[a-z_]{1,32}$/, "对象类型无效")
    .optional(),
  entityId: text().trim().min(1).max(64, "对象编号不能超过64个字符").optional(),
  cursor: text().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListAuditEventsInput = z.input<typeof listAuditEventsInput>;
