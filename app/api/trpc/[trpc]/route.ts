import { handleTrpcRequest } from "@/server/api/http-handler";
import { createTRPCContext } from "@/server/api/trpc";
import { currentSessionRef } from "@/server/auth/config";

async function handler(req: Request) {
  return handleTrpcRequest(req, async () =>
    createTRPCContext({
      session: await currentSessionRef(),
      requestId: req.headers.get("x-request-id") ?? undefined,
    }),
  );
}

export { handler as GET, handler as POST };
