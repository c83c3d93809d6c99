import type { Clock } from "../../clock";
import {
  addPolicySetting,
  listPolicySettings,
  policyForRegion,
} from "../../domain/policy-settings";
import {
  addPolicySettingInput,
  policyForRegionInput,
  policySettingsListInput,
} from "../../schemas/policy-settings";
import { adminProcedure, createTRPCRouter, protectedProcedure } from "../trpc";

const audit = (ctx: { requestId: string; clock: Clock }) => ({
  requestId: ctx.requestId,
  at: ctx.clock.now(),
});

// 地区政策参数: administrators keep the versions; every signed-in role reads what applies to a
// region in its scope (the triage panel, the calculator, the letter preview).
export const policySettingsRouter = createTRPCRouter({
  forRegion: protectedProcedure
    .input(policyForRegionInput)
    .query(({ ctx, input }) =>
      policyForRegion(ctx.db, ctx.actor, input.regionCode, ctx.clock.now()),
    ),
  list: adminProcedure
    .input(policySettingsListInput)
    .query(({ ctx, input }) => listPolicySettings(ctx.db, ctx.actor, input, ctx.clock.now())),
  add: adminProcedure
    .input(addPolicySettingInput)
    .mutation(({ ctx, input }) => addPolicySetting(ctx.db, ctx.actor, input, audit(ctx))),
});
