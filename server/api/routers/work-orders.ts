import { dispatchWorkOrder } from "../../domain/work-orders/dispatch";
import { linkMember } from "../../domain/work-orders/link-member";
import { dispatchWorkOrderInput, linkMemberInput } from "../../schemas/work-orders";
import { caseworkerProcedure, createTRPCRouter, managerOnlyProcedure } from "../trpc";

// The hotline work orders' own entries: 派单 and linking the member. Everything else goes through
// enquiries.transition, checked against the one course table.
export const workOrdersRouter = createTRPCRouter({
  dispatch: managerOnlyProcedure
    .input(dispatchWorkOrderInput)
    .mutation(({ ctx, input }) =>
      dispatchWorkOrder(
        ctx.db,
        ctx.pii,
        ctx.actor,
        input,
        { requestId: ctx.requestId },
        ctx.clock.now(),
      ),
    ),
  // 待识别参保人: the caseworker links the member once the caller is identified.
  linkMember: caseworkerProcedure
    .input(linkMemberInput)
    .mutation(({ ctx, input }) =>
      linkMember(ctx.db, ctx.actor, input, { requestId: ctx.requestId }, ctx.clock.now()),
    ),
});
