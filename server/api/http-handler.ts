import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { logError, logWarning } from "../log";
import { MAX_BATCH_SIZE } from "./batch-limit";
import { withCappedBody } from "./body-limit";
import { crossSiteRefusal } from "./cross-site";
import { appRouter } from "./root";
import type { TRPCContext } from "./trpc";
import {
  databaseUnavailable,
  isDatabaseUnavailable,
  RETRY_AFTER_SECONDS,
  unavailableReason,
} from "./unavailable";

// The tRPC endpoint over HTTP (app/api/trpc/[trpc]/route.ts), kept apart from the route file so
// that tests can send it real requests with a context of their own.
export async function handleTrpcRequest(
  request: Request,
  createContext: () => Promise<TRPCContext>,
): Promise<Response> {
  // Queries are GETs; every mutation is a POST.
  const isRead = request.method === "GET" || request.method === "HEAD";
  if (!isRead) {
    const refusal = crossSiteRefusal(request);
    if (refusal) return refusal;
  }
  const req = await withCappedBody(request);
  if (req instanceof Response) return req;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: async () => {
      try {
        return await createContext();
      } catch (error) {
        // Reading the session may need the database too; a busy pool is a 503 here as well.
        if (isDatabaseUnavailable(error)) throw databaseUnavailable(error);
        throw error;
      }
    },
    onError({ error, path, ctx }) {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        logError("trpc", { requestId: ctx?.requestId, path, error });
      } else if (error.code === "SERVICE_UNAVAILABLE") {
        const reason = unavailableReason(error) ?? "unknown";
        logWarning("trpc", {
          requestId: ctx?.requestId,
          event: "database_unavailable",
          path,
          reason,
        });
      }
    },
    responseMeta({ errors }) {
      const headers = new Headers({ "cache-control": "no-store" });
      if (errors.some((e) => e.code === "SERVICE_UNAVAILABLE")) {
        headers.set("retry-after", String(RETRY_AFTER_SECONDS));
      }
      return { headers };
    },
  });
}
