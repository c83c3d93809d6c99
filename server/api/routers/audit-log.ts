import { listAuditEvents } from "../../domain/audit-log";
import { listAuditEventsInput } from "../../schemas/audit";
import { adminProcedure, createTRPCRouter } from "../trpc";

// 系统管理 → 审计日志: administrators only; the trail itself is append-only in the database.
export const auditLogRouter = createTRPCRouter({
  list: adminProcedure
    .input(listAuditEventsInput)
    .query(({ ctx, input }) => listAuditEvents(ctx.db, ctx.actor, input)),
});
