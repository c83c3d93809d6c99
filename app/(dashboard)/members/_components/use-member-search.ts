"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { interpretQuery, isExactMatch, type MemberMatch } from "@/server/schemas/member-query";

// One lookup box, two ways to the server: names and the last four digits of a phone go as a
// search (a cacheable GET), a full ID number or phone number as the audited exact lookup (a
// POST, so the number is never in a URL). Managers search by name only, so their digits are
// not sent at all. The exact lookup runs once per `searchFor`, from the user's action, never
// as a retry or refetch: every call is audited and failed ones are counted.
export function useMemberSearch(options: { exactAllowed: boolean }) {
  const trpc = useTRPC();
  const [term, setTerm] = useState("");
  const match: MemberMatch | null = term ? interpretQuery(term).match : null;
  const exact = match !== null && isExactMatch(match);
  const nameOnly = !options.exactAllowed && match !== null && match !== "name";

  const search = useQuery({
    ...trpc.members.search.queryOptions({ query: term }),
    enabled: match !== null && !exact && !nameOnly,
  });
  const lookup = useMutation(trpc.members.lookup.mutationOptions());
  const { mutate, reset } = lookup;
  const { exactAllowed } = options;

  // Stable, so a debounced caller can list it as an effect dependency.
  const searchFor = useCallback(
    (raw: string) => {
      const next = raw.trim();
      setTerm(next);
      const nextMatch = next ? interpretQuery(next).match : null;
      if (exactAllowed && nextMatch && isExactMatch(nextMatch)) mutate({ term: next });
      else reset();
    },
    [exactAllowed, mutate, reset],
  );

  const active = exact ? lookup : search;
  return {
    term,
    match,
    exact,
    nameOnly,
    searchFor,
    data: nameOnly ? undefined : active.data,
    error: nameOnly ? null : active.error,
    loading: !nameOnly && (exact ? lookup.isPending : search.isFetching),
  };
}
