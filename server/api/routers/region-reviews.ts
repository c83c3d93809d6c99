import { listRegionReviews, resolveRegionReview } from "../../domain/region-reviews";
import { listRegionReviewsInput, resolveRegionReviewInput } from "../../schemas/region-reviews";
import { adminProcedure, createTRPCRouter } from "../trpc";

// 参保地核查: registrations refused because the ID number is insured in another region. Only
// administrators see where a member is insured and decide on a 参保地变更.
export const regionReviewsRouter = createTRPCRouter({
  list: adminProcedure
    .input(listRegionReviewsInput)
    .query(({ ctx, input }) => listRegionReviews(ctx.db, ctx.actor, input)),
  resolve: adminProcedure
    .input(resolveRegionReviewInput)
    .mutation(({ ctx, input }) =>
      resolveRegionReview(ctx.db, ctx.actor, input, { requestId: ctx.requestId }),
    ),
});
