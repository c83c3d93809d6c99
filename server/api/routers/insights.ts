import type { Clock } from "../../clock";
import { getEnquiryInsights } from "../../domain/insights/enquiry";
import { leaveCalculationFor, saveLeaveCalculation } from "../../domain/insights/leave-step";
import { linkFromDetail, unlinkFromDetail } from "../../domain/insights/links";
import { sameSymptomNearby } from "../../domain/insights/suggestions";
import { enquiryRef } from "../../schemas/enquiries";
import {
  leaveCalculationQuery,
  linkEnquiryInput,
  sameSymptomNearbyInput,
  saveLeaveCalculationInput,
} from "../../schemas/insights";
import { caseworkerProcedure, createTRPCRouter, protectedProcedure } from "../trpc";

// Link and unlink audit rows carry the request's clock, like the enquiry's own changes.
const audit = (ctx: { requestId: string; clock: Clock }) => ({
  requestId: ctx.requestId,
  at: ctx.clock.now(),
});

// Triage suggestions, the 离职减员 calculation and repeat-enquiry
// links. Reads follow the enquiry page's access (region scope, NOT_FOUND outside it); writes
// are the caseworker's.
export const insightsRouter = createTRPCRouter({
  // Like enquiries of the same city in the last 3 working days, for the filing form's triage
  // (filing counts them again on the server).
  sameSymptomNearby: caseworkerProcedure
    .input(sameSymptomNearbyInput)
    .query(({ ctx, input }) => sameSymptomNearby(ctx.db, ctx.actor, input, ctx.clock.now())),
  forEnquiry: protectedProcedure
    .input(enquiryRef)
    .query(({ ctx, input }) => getEnquiryInsights(ctx.db, ctx.actor, input.id)),
  leaveCalculation: protectedProcedure
    .input(leaveCalculationQuery)
    .query(({ ctx, input }) => leaveCalculationFor(ctx.db, ctx.actor, input)),
  saveLeaveCalculation: caseworkerProcedure
    .input(saveLeaveCalculationInput)
    .mutation(({ ctx, input }) =>
      saveLeaveCalculation(ctx.db, ctx.actor, input, audit(ctx), ctx.clock.now()),
    ),
  link: caseworkerProcedure
    .input(linkEnquiryInput)
    .mutation(({ ctx, input }) => linkFromDetail(ctx.db, ctx.actor, input, audit(ctx))),
  unlink: caseworkerProcedure
    .input(linkEnquiryInput)
    .mutation(({ ctx, input }) => unlinkFromDetail(ctx.db, ctx.actor, input, audit(ctx))),
});
