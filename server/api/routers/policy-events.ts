import { createPolicyEvent, deletePolicyEvent, listPolicyEvents } from "../../domain/policy-events";
import { createPolicyEventInput, policyEventRef } from "../../schemas/policy-events";
import { adminProcedure, createTRPCRouter } from "../trpc";

const audit = (ctx: { requestId: string }) => ({ requestId: ctx.requestId });

// 政策节点: the policy changes marked on the monthly charts. Administrators keep the list;
// managers read the markers through analytics.policyMarkers.
export const policyEventsRouter = createTRPCRouter({
  list: adminProcedure.query(({ ctx }) => listPolicyEvents(ctx.db, ctx.actor)),
  create: adminProcedure
    .input(createPolicyEventInput)
    .mutation(({ ctx, input }) => createPolicyEvent(ctx.db, ctx.actor, input, audit(ctx))),
  delete: adminProcedure
    .input(policyEventRef)
    .mutation(({ ctx, input }) => deletePolicyEvent(ctx.db, ctx.actor, input, audit(ctx))),
});
