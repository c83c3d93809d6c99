import { TRPCError } from "@trpc/server";
import { isDatabaseUnavailable, unavailableReason } from "@/db/pool-gate";

// The database cannot serve the request right now (no free connection within
// DB_ACQUIRE_TIMEOUT_MS, or the connection was lost). The user may simply try again; the
// route handler adds Retry-After to every 503.
export const BUSY_MESSAGE = "系统繁忙，请稍后重试";
export const RETRY_AFTER_SECONDS = 2;

export { isDatabaseUnavailable, unavailableReason };

export function databaseUnavailable(cause: unknown): TRPCError {
  return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: BUSY_MESSAGE, cause });
}
