import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createTRPCContext } from "@/server/api/trpc";
import { currentSessionRef } from "@/server/auth/config";
import { logError } from "@/server/log";

async function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () =>
      createTRPCContext({
        session: await currentSessionRef(),
        requestId: req.headers.get("x-request-id") ?? undefined,
      }),
    onError({ error, path, ctx }) {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        logError("trpc", { requestId: ctx?.requestId, path, error });
      }
    },
    responseMeta() {
      return { headers: new Headers({ "cache-control": "no-store" }) };
    },
  });
}

export { handler as GET, handler as POST };
