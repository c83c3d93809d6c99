import { byMonth, byRegion, causeShare, heatmap, kpis, spikes } from "../../domain/analytics";
import { triageAcceptance, triageFirstMatch } from "../../domain/insights/acceptance";
import { policyMarkers } from "../../domain/policy-events";
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
  spikes: managerProcedure
    .input(analyticsFilter)
    .query(({ ctx, input }) => spikes(ctx.db, ctx.actor, input)),
  policyMarkers: managerProcedure
    .input(analyticsFilter)
    .query(({ ctx, input }) => policyMarkers(ctx.db, ctx.actor, input)),
  triageAcceptance: managerProcedure
    .input(analyticsFilter)
    .query(({ ctx, input }) => triageAcceptance(ctx.db, ctx.actor, input)),
  triageFirstMatch: managerProcedure
    .input(analyticsFilter)
    .query(({ ctx, input }) => triageFirstMatch(ctx.db, ctx.actor, input)),
});
