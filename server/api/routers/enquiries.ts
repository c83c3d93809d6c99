import { z } from "zod";
import { countEnquiries } from "../../domain/enquiries/count";
import { createEnquiry } from "../../domain/enquiries/create";
import { getEnquiryDetail } from "../../domain/enquiries/detail";
import { listEnquiries } from "../../domain/enquiries/list";
import {
  addResolutionStep,
  assignEnquiry,
  setEnquiryCauses,
  transitionEnquiry,
} from "../../domain/enquiries/update";
import { listAssignees } from "../../domain/users";
import {
  addStepInput,
  assignInput,
  countEnquiriesInput,
  createEnquiryInput,
  enquiryRef,
  listEnquiriesInput,
  setCausesInput,
  transitionInput,
} from "../../schemas/enquiries";
import { regionCode } from "../../schemas/fields";
import { caseworkerProcedure, createTRPCRouter, protectedProcedure } from "../trpc";

const audit = (ctx: { requestId: string }) => ({ requestId: ctx.requestId });

export const enquiriesRouter = createTRPCRouter({
  list: protectedProcedure
    .input(listEnquiriesInput)
    .query(({ ctx, input }) => listEnquiries(ctx.db, ctx.actor, input, ctx.clock.now())),
  count: protectedProcedure
    .input(countEnquiriesInput)
    .query(({ ctx, input }) => countEnquiries(ctx.db, ctx.actor, input, ctx.clock.now())),
  byId: protectedProcedure
    .input(enquiryRef)
    .query(({ ctx, input }) => getEnquiryDetail(ctx.db, ctx.actor, input.id, ctx.clock.now())),
  assignees: protectedProcedure
    .input(
      z.strictObject({
        regionCode: regionCode.nullish(),
      }),
    )
    .query(({ ctx, input }) => listAssignees(ctx.db, ctx.actor, input.regionCode)),
  create: caseworkerProcedure
    .input(createEnquiryInput)
    .mutation(({ ctx, input }) =>
      createEnquiry(ctx.db, ctx.actor, input, audit(ctx), ctx.clock.now()),
    ),
  // Caseworkers and managers both act on the course; the table says which action is whose.
  transition: protectedProcedure
    .input(transitionInput)
    .mutation(({ ctx, input }) =>
      transitionEnquiry(ctx.db, ctx.actor, input, audit(ctx), ctx.clock.now()),
    ),
  setCauses: caseworkerProcedure
    .input(setCausesInput)
    .mutation(({ ctx, input }) =>
      setEnquiryCauses(ctx.db, ctx.actor, input, audit(ctx), ctx.clock.now()),
    ),
  assign: caseworkerProcedure
    .input(assignInput)
    .mutation(({ ctx, input }) =>
      assignEnquiry(ctx.db, ctx.actor, input, audit(ctx), ctx.clock.now()),
    ),
  addStep: caseworkerProcedure
    .input(addStepInput)
    .mutation(({ ctx, input }) =>
      addResolutionStep(ctx.db, ctx.actor, input, audit(ctx), ctx.clock.now()),
    ),
});
