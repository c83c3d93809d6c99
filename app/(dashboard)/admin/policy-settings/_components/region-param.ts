// The region the page shows lives in the URL (`?region=511100`), so a reload or a shared link
// opens the same level; no region is the national default. A hand-edited value that is not a
// province or city code falls back to the national default rather than failing.

export type RegionFilter = { region: string | null };

type Params = Pick<URLSearchParams, "get">;

const PROVINCE_OR_CITY = /^\d{4}00$/;

export function parseRegionFilter(params: Params): RegionFilter {
  const region = params.get("region");
  return { region: region && PROVINCE_OR_CITY.test(region) ? region : null };
}

export function toRegionQuery({ region }: RegionFilter): string {
  return region ? new URLSearchParams({ region }).toString() : "";
}
