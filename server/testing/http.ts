import superjson from "superjson";
import { handleTrpcRequest } from "../api/http-handler";
import type { TRPCContext } from "../api/trpc";

// Test helper: one tRPC call as the browser client sends it (superjson, GET for queries, POST
// for mutations), through the same HTTP handler as app/api/trpc, with the caller's context.
export type HttpAnswer<T> = {
  status: number;
  retryAfter: string | null;
  data: T | null;
  error: { message: string; code: string | null } | null;
  text: string;
};

export async function callOverHttp<T = unknown>(
  createContext: () => Promise<TRPCContext>,
  kind: "query" | "mutation",
  path: string,
  input: unknown,
): Promise<HttpAnswer<T>> {
  const encoded = JSON.stringify(superjson.serialize(input));
  const request =
    kind === "query"
      ? new Request(`http://localhost/api/trpc/${path}?input=${encodeURIComponent(encoded)}`)
      : new Request(`http://localhost/api/trpc/${path}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: encoded,
        });
  const response = await handleTrpcRequest(request, createContext);
  const text = await response.text();
  const body = JSON.parse(text) as {
    result?: { data?: { json: unknown; meta?: unknown } };
    error?: { json?: { message?: string; data?: { code?: string } } };
  };
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    data: body.result?.data ? (superjson.deserialize(body.result.data as never) as T) : null,
    error: body.error
      ? { message: body.error.json?.message ?? "", code: body.error.json?.data?.code ?? null }
      : null,
    text,
  };
}
