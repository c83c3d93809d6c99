import { dispatchWorkOrder } from "../../domain/work-orders/dispatch";
import { dispatchWorkOrderInput } from "../../schemas/work-orders";
import { createTRPCRouter, managerOnlyProcedure } from "../trpc";

// The hotline work orders' own entry: 派单. Everything after it goes through
// enquiries.transition, checked against the one course table.
export const workOrdersRouter = createTRPCRouter({
  dispatch: managerOnlyProcedure
    .input(dispatchWorkOrderInput)
    .mutation(({ ctx, input }) =>
      dispatchWorkOrder(ctx.db, ctx.actor, input, { requestId: ctx.requestId }, ctx.clock.now()),
    ),
});
