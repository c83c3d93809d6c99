import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { logError, logWarning } from "../log";
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
export function handleTrpcRequest(req: Request, createContext: () => Promise<TRPCContext>) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
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
