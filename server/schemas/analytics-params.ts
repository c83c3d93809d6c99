import {
  CAUSE_CODES,
  type Cause,
  CHANNEL_CODES,
  type Channel,
  SYMPTOM_CODES,
  type Symptom,
} from "@/db/constants";
import { addDays, shanghaiMonth, shiftMonth } from "../rules/calendar-day";
import { type AnalyticsFilter, analyticsFilter } from "./analytics";

// The dashboard's filters as URL search parameters (shared by the page, its links and the
// export endpoint): from / to (YYYY-MM), region, cause, symptom, channel (comma-separated).

function list<T extends string>(raw: string | null, allowed: readonly T[]): T[] | undefined {
  if (!raw) return undefined;
  const values = raw.split(",").filter((v): v is T => (allowed as readonly string[]).includes(v));
  return values.length ? [...new Set(values)] : undefined;
}

// The last `months` calendar months up to and including the current one, in Beijing time.
export function defaultPeriod(now = new Date(), months = 12): { from: string; to: string } {
  const to = shanghaiMonth(now);
  return { from: shiftMonth(to, 1 - months), to };
}

// Invalid values fall back to defaults rather than failing the page.
export function parseAnalyticsParams(params: URLSearchParams, now = new Date()): AnalyticsFilter {
  const period = defaultPeriod(now);
  const candidate = {
    from: params.get("from") ?? period.from,
    to: params.get("to") ?? period.to,
    regionCode: params.get("region") ?? undefined,
    causes: list<Cause>(params.get("cause"), CAUSE_CODES),
    symptoms: list<Symptom>(params.get("symptom"), SYMPTOM_CODES),
    channels: list<Channel>(params.get("channel"), CHANNEL_CODES),
  };
  const parsed = analyticsFilter.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const withoutRegion = analyticsFilter.safeParse({
    ...candidate,
    ...period,
    regionCode: undefined,
  });
  return withoutRegion.success ? withoutRegion.data : { ...period };
}

export function analyticsQueryString(filter: AnalyticsFilter): string {
  const params = new URLSearchParams();
  params.set("from", filter.from);
  params.set("to", filter.to);
  if (filter.regionCode) params.set("region", filter.regionCode);
  if (filter.causes?.length) params.set("cause", filter.causes.join(","));
  if (filter.symptoms?.length) params.set("symptom", filter.symptoms.join(","));
  if (filter.channels?.length) params.set("channel", filter.channels.join(","));
  return params.toString().replaceAll("%2C", ",");
}

// The enquiry list showing exactly the enquiries behind a chart element: its URL takes
// calendar days, so a month range becomes first-day .. last-day.
export function drillDownQueryString(
  filter: AnalyticsFilter,
  narrow: { month?: string; regionCode?: string; cause?: Cause } = {},
): string {
  const from = narrow.month ?? filter.from;
  const to = narrow.month ?? filter.to;
  const params = new URLSearchParams();
  params.set("from", `${from}-01`);
  params.set("to", addDays(`${shiftMonth(to, 1)}-01`, -1));
  const region = narrow.regionCode ?? filter.regionCode;
  if (region) params.set("region", region);
  const causes = narrow.cause ? [narrow.cause] : filter.causes;
  if (causes?.length) params.set("cause", causes.join(","));
  if (filter.symptoms?.length) params.set("symptom", filter.symptoms.join(","));
  if (filter.channels?.length) params.set("channel", filter.channels.join(","));
  return params.toString().replaceAll("%2C", ",");
}
