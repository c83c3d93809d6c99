import { changeOwnPassword } from "../../domain/account";
import { changePasswordInput } from "../../schemas/auth";
import { createTRPCRouter, protectedProcedure } from "../trpc";

// The signed-in user's own account. changePassword stays open while a password change is
// pending (see OPEN_BEFORE_PASSWORD_CHANGE in ../trpc.ts).
export const accountRouter = createTRPCRouter({
  changePassword: protectedProcedure
    .input(changePasswordInput)
    .mutation(({ ctx, input }) =>
      changeOwnPassword(ctx.db, ctx.actor, input, { requestId: ctx.requestId }),
    ),
});
