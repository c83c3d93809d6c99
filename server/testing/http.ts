import { TRPCClientError } from "@trpc/client";
import { handleTrpcRequest } from "../api/http-handler";
import type { TRPCContext } from "../api/trpc";
import { type AppClient, createAppClient } from "../cli/bench/http";

// Test helper: one tRPC call through the app's client and the same HTTP handler as
// app/api/trpc, without a network, in the caller's context. Answers what the browser would
// see: the status and Retry-After of the response, and the data or the error.
export type HttpAnswer<T> = {
  status: number;
  retryAfter: string | null;
  data: T | null;
  error: { message: string; code: string | null } | null;
};

export async function callOverHttp<T>(
  createContext: () => Promise<TRPCContext>,
  run: (trpc: AppClient) => Promise<T>,
): Promise<HttpAnswer<T>> {
  // A client per call, so that concurrent calls each keep their own response.
  let response: Response | null = null;
  const trpc = createAppClient("http://localhost", async (url, init) => {
    response = await handleTrpcRequest(new Request(url, init), createContext);
    return response;
  });
  const answer = (data: T | null, error: HttpAnswer<T>["error"]): HttpAnswer<T> => {
    if (!response) throw new Error("the call sent no request");
    return {
      status: response.status,
      retryAfter: response.headers.get("retry-after"),
      data,
      error,
    };
  };
  try {
    return answer(await run(trpc), null);
  } catch (error) {
    if (!(error instanceof TRPCClientError)) throw error;
    const code = (error.data as { code?: string } | undefined)?.code ?? null;
    return answer(null, { message: error.message, code });
  }
}
