"use client";

import { useUrlFilters } from "@/app/_components/use-url-filters";
import { analyticsQueryString, parseAnalyticsParams } from "@/server/schemas/analytics-params";

// Without a period in the URL the dashboard shows the last 12 months.
const parse = (params: URLSearchParams) => parseAnalyticsParams(params);

export function useAnalyticsFilter() {
  const { filters, apply, reset } = useUrlFilters(parse, analyticsQueryString);
  return { filter: filters, apply, reset };
}
