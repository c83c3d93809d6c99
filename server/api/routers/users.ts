import {
  createUser,
  listUsers,
  resetPassword,
  setUserActive,
  updateUser,
  userOptions,
} from "../../domain/user-admin";
import {
  createUserInput,
  listUsersInput,
  resetPasswordInput,
  setUserActiveInput,
  updateUserInput,
} from "../../schemas/users";
import { adminProcedure, createTRPCRouter } from "../trpc";

const audit = (ctx: { requestId: string }) => ({ requestId: ctx.requestId });

// 系统管理 → 用户管理: administrators only.
export const usersRouter = createTRPCRouter({
  list: adminProcedure
    .input(listUsersInput)
    .query(({ ctx, input }) => listUsers(ctx.db, ctx.actor, input)),
  options: adminProcedure.query(({ ctx }) => userOptions(ctx.db, ctx.actor)),
  create: adminProcedure
    .input(createUserInput)
    .mutation(({ ctx, input }) => createUser(ctx.db, ctx.actor, input, audit(ctx))),
  update: adminProcedure
    .input(updateUserInput)
    .mutation(({ ctx, input }) => updateUser(ctx.db, ctx.actor, input, audit(ctx))),
  setActive: adminProcedure
    .input(setUserActiveInput)
    .mutation(({ ctx, input }) => setUserActive(ctx.db, ctx.actor, input, audit(ctx))),
  resetPassword: adminProcedure
    .input(resetPasswordInput)
    .mutation(({ ctx, input }) => resetPassword(ctx.db, ctx.actor, input, audit(ctx))),
});
