import { regionOptions } from "../../domain/regions";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const regionsRouter = createTRPCRouter({
  options: protectedProcedure.query(({ ctx }) => regionOptions(ctx.db, ctx.actor.regionScope)),
});
