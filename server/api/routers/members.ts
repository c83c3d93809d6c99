import { lookupMember } from "../../domain/member-lookup";
import { revealIdNumber } from "../../domain/member-reveal";
import { createMember, getMember, searchMembers } from "../../domain/members";
import { exactLookupLimitPerHour } from "../../env";
import { lookupMemberInput } from "../../schemas/member-query";
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
  // By a full ID number or phone number: a mutation, so the number travels in a POST body and
  // never in a URL, and every call writes an audit row. Managers search by name only.
  lookup: caseworkerOrAdminProcedure
    .input(lookupMemberInput)
    .mutation(({ ctx, input }) =>
      lookupMember(
        ctx.db,
        ctx.pii,
        ctx.actor,
        input,
        { limitPerHour: exactLookupLimitPerHour() },
        { requestId: ctx.requestId },
      ),
    ),
  byId: protectedProcedure
    .input(memberRef)
    .query(({ ctx, input }) => getMember(ctx.db, ctx.actor, input.id)),
  create: caseworkerProcedure.input(createMemberInput).mutation(({ ctx, input }) =>
    createMember(ctx.db, ctx.pii, ctx.actor, input, ctx.clock.now(), {
      requestId: ctx.requestId,
    }),
  ),
  // A mutation, not a query: every call writes an audit row and must never be cached or
  // prefetched.
  revealIdNumber: caseworkerOrAdminProcedure
    .input(revealIdNumberInput)
    .mutation(({ ctx, input }) =>
      revealIdNumber(ctx.db, ctx.pii, ctx.actor, input, { requestId: ctx.requestId }),
    ),
});
