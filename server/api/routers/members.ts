import { createMember, getMember, searchMembers } from "../../domain/members";
import { createMemberInput, memberRef, searchMembersInput } from "../../schemas/members";
import { caseworkerProcedure, createTRPCRouter, protectedProcedure } from "../trpc";

export const membersRouter = createTRPCRouter({
  search: protectedProcedure
    .input(searchMembersInput)
    .query(({ ctx, input }) => searchMembers(ctx.db, ctx.pii, ctx.actor, input)),
  byId: protectedProcedure
    .input(memberRef)
    .query(({ ctx, input }) => getMember(ctx.db, ctx.actor, input.id)),
  create: caseworkerProcedure
    .input(createMemberInput)
    .mutation(({ ctx, input }) =>
      createMember(ctx.db, ctx.pii, ctx.actor, input, { requestId: ctx.requestId }),
    ),
});
