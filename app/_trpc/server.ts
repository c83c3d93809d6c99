import "server-only";
import { headers } from "next/headers";
import { createCaller } from "@/server/api/root";
import { createTRPCContext } from "@/server/api/trpc";
import { currentSessionRef } from "@/server/auth/config";

// The tRPC caller for server components: same procedures, same checks, no HTTP hop.
export async function serverCaller() {
  const [session, requestHeaders] = await Promise.all([currentSessionRef(), headers()]);
  return createCaller(
    createTRPCContext({ session, requestId: requestHeaders.get("x-request-id") ?? undefined }),
  );
}
