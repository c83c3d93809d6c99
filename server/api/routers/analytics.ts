import { byMonth, byRegion, causeShare, heatmap, kpis } from "../../domain/analytics";
import { analyticsFilter, heatmapInput } from "../../schemas/analytics";
import { createTRPCRouter, managerProcedure } from "../trpc";

// The manager dashboard. Caseworkers are refused (FORBIDDEN); a manager's figures cover their
// region scope only.
export const analyticsRouter = createTRPCRouter({
  byMonth: managerProcedure
    .input(analyticsFilter)
    .query(({ ctx, input }) => byMonth(ctx.db, ctx.actor, input)),
  byRegion: managerProcedure
    .input(analyticsFilter)
    .query(({ ctx, input }) => byRegion(ctx.db, ctx.actor, input)),
  heatmap: managerProcedure
    .input(heatmapInput)
    .query(({ ctx, input }) => heatmap(ctx.db, ctx.actor, input)),
  causeShare: managerProcedure
    .input(analyticsFilter)
    .query(({ ctx, input }) => causeShare(ctx.db, ctx.actor, input)),
  kpis: managerProcedure
    .input(analyticsFilter)
    .query(({ ctx, input }) => kpis(ctx.db, ctx.actor, input)),
});
