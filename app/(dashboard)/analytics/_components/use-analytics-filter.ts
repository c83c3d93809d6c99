"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo, useOptimistic, useTransition } from "react";
import type { AnalyticsFilter } from "@/server/schemas/analytics";
import { analyticsQueryString, parseAnalyticsParams } from "@/server/schemas/analytics-params";

// The dashboard's filter lives in the URL, so a reload or a shared link shows the same figures.
// The controls and the queries follow a change at once while the URL catches up.
export function useAnalyticsFilter() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const urlFilter = useMemo(() => parseAnalyticsParams(searchParams), [searchParams]);
  const [filter, setOptimisticFilter] = useOptimistic(urlFilter);
  const [, startTransition] = useTransition();

  const apply = (next: AnalyticsFilter) => {
    startTransition(() => {
      setOptimisticFilter(next);
      router.replace(`${pathname}?${analyticsQueryString(next)}`, { scroll: false });
    });
  };
  // Back to the default period and no narrowing: a bare URL, like a fresh visit.
  const reset = () => {
    startTransition(() => {
      setOptimisticFilter(parseAnalyticsParams(new URLSearchParams()));
      router.replace(pathname, { scroll: false });
    });
  };
  return { filter, apply, reset };
}
