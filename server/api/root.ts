import { analyticsRouter } from "./routers/analytics";
import { enquiriesRouter } from "./routers/enquiries";
import { membersRouter } from "./routers/members";
import { regionsRouter } from "./routers/regions";
import { viewerRouter } from "./routers/viewer";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  viewer: viewerRouter,
  regions: regionsRouter,
  enquiries: enquiriesRouter,
  members: membersRouter,
  analytics: analyticsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
