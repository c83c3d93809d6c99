import { revealIdNumber } from "../../domain/member-reveal";
import { createMember, getMember, searchMembers } from "../../domain/members";
import {
  createMemberInput,
  memberRef,
  revealIdNumberInput,
  searchMembersInput,
} from "../../schemas/members";
import {
  caseworkerOrAdminProcedure,
  caseworkerProcedure,
  createTRPCRouter,
  protectedProcedure,
} from "../trpc";

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
  // A mutation, not a query: every call writes an audit row and must never be cached or
  // prefetched.
  revealIdNumber: caseworkerOrAdminProcedure
    .input(revealIdNumberInput)
    .mutation(({ ctx, input }) =>
      revealIdNumber(ctx.db, ctx.pii, ctx.actor, input, { requestId: ctx.requestId }),
    ),
});
