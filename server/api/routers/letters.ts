import type { Clock } from "../../clock";
import { getLetter, issueLetter, listLetters, previewLetter } from "../../domain/letters";
import { enquiryRef } from "../../schemas/enquiries";
import { issueLetterInput, letterPreviewInput, letterRef } from "../../schemas/letters";
import { caseworkerProcedure, createTRPCRouter, protectedProcedure } from "../trpc";

const audit = (ctx: { requestId: string; clock: Clock }) => ({
  requestId: ctx.requestId,
  at: ctx.clock.now(),
});

// 告知书: the caseworker previews and issues; everyone who may open the enquiry may read and
// print what was issued. All of it follows the enquiry's region scope.
export const lettersRouter = createTRPCRouter({
  preview: protectedProcedure
    .input(letterPreviewInput)
    .query(({ ctx, input }) => previewLetter(ctx.db, ctx.actor, input, ctx.clock.now())),
  issue: caseworkerProcedure
    .input(issueLetterInput)
    .mutation(({ ctx, input }) =>
      issueLetter(ctx.db, ctx.actor, input, audit(ctx), ctx.clock.now()),
    ),
  forEnquiry: protectedProcedure
    .input(enquiryRef)
    .query(({ ctx, input }) => listLetters(ctx.db, ctx.actor, input.id)),
  byId: protectedProcedure
    .input(letterRef)
    .query(({ ctx, input }) => getLetter(ctx.db, ctx.actor, input.id)),
});
