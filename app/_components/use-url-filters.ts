"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo, useOptimistic, useTransition } from "react";

// A page's filters live in its URL, so a reload or a shared link shows the same rows. The
// controls and the queries follow a change at once, while the URL catches up with the router.
export function useUrlFilters<F>(
  parse: (params: URLSearchParams) => F,
  toQuery: (filters: F) => string,
) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const urlFilters = useMemo(() => parse(searchParams), [parse, searchParams]);
  const [filters, setOptimisticFilters] = useOptimistic(urlFilters);
  const [, startTransition] = useTransition();

  const go = (next: F, query: string) =>
    startTransition(() => {
      setOptimisticFilters(next);
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    });
  // reset: no filters at all, a bare URL like a fresh visit.
  const apply = (next: F) => go(next, toQuery(next));
  const reset = () => go(parse(new URLSearchParams()), "");
  return { filters, apply, reset };
}
