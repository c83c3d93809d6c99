import { overview } from "../../domain/overview";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const viewerRouter = createTRPCRouter({
  me: protectedProcedure.query(({ ctx }) => ctx.actor),
  overview: protectedProcedure.query(({ ctx }) => overview(ctx.db, ctx.actor, ctx.clock.now())),
});
