import { regionOptions } from "../../domain/regions";
import { createTRPCRouter, managerOnlyProcedure, protectedProcedure } from "../trpc";

export const regionsRouter = createTRPCRouter({
  options: protectedProcedure.query(({ ctx }) => regionOptions(ctx.db, ctx.actor.regionScope)),
  // 转办 hands an order to any region, inside the manager's scope or not; region names are
  // public, and the order itself is what the scope protects.
  transferTargets: managerOnlyProcedure.query(({ ctx }) => regionOptions(ctx.db, null)),
});
