import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { accountRouter } from "./routers/account";
import { analyticsRouter } from "./routers/analytics";
import { auditLogRouter } from "./routers/audit-log";
import { enquiriesRouter } from "./routers/enquiries";
import { insightsRouter } from "./routers/insights";
import { lettersRouter } from "./routers/letters";
import { membersRouter } from "./routers/members";
import { policyEventsRouter } from "./routers/policy-events";
import { policySettingsRouter } from "./routers/policy-settings";
import { regionReviewsRouter } from "./routers/region-reviews";
import { regionsRouter } from "./routers/regions";
import { usersRouter } from "./routers/users";
import { viewerRouter } from "./routers/viewer";
import { workOrdersRouter } from "./routers/work-orders";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  viewer: viewerRouter,
  regions: regionsRouter,
  enquiries: enquiriesRouter,
  workOrders: workOrdersRouter,
  insights: insightsRouter,
  letters: lettersRouter,
  members: membersRouter,
  regionReviews: regionReviewsRouter,
  analytics: analyticsRouter,
  policyEvents: policyEventsRouter,
  policySettings: policySettingsRouter,
  account: accountRouter,
  users: usersRouter,
  auditLog: auditLogRouter,
});

export type AppRouter = typeof appRouter;
// What each procedure takes and returns, for the UI and the tests: derived here once.
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export const createCaller = createCallerFactory(appRouter);
