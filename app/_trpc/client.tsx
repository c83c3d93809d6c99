"use client";

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchStreamLink, TRPCClientError } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { type ReactNode, useState } from "react";
import superjson from "superjson";
import { MAX_BATCH_SIZE } from "@/server/api/batch-limit";
import type { AppRouter } from "@/server/api/root";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

// A session that ended while the page was open (idle timeout, sign-out elsewhere, account
// disabled or changed) answers UNAUTHORIZED: go to the login page, and come back afterwards.
function toLoginIfSignedOut(error: unknown) {
  if (!(error instanceof TRPCClientError) || error.data?.code !== "UNAUTHORIZED") return;
  const back = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`/login?notice=expired&callbackUrl=${encodeURIComponent(back)}`);
}

function makeQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache({ onError: toLoginIfSignedOut }),
    mutationCache: new MutationCache({ onError: toLoginIfSignedOut }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) =>
          failures < 1 && !(error instanceof TRPCClientError && error.data?.httpStatus < 500),
        refetchOnWindowFocus: false,
      },
    },
  });
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      // Streamed batches: calls made together share one request, and each answer is used as
      // soon as it is ready (the enquiry list's rows do not wait for its count).
      links: [
        httpBatchStreamLink({
          url: "/api/trpc",
          transformer: superjson,
          maxItems: MAX_BATCH_SIZE,
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
