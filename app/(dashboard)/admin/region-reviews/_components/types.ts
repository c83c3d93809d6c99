import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type RegionReviewRow = inferRouterOutputs<AppRouter>["regionReviews"]["list"][number];
