import { calendarDay, dayRangeBounds } from "@/app/_components/day-range-params";
import {
  CAUSE_CODES,
  CHANNEL_CODES,
  ENQUIRY_STATUS_CODES,
  SUB_REASON_CODES,
  SYMPTOM_CODES,
  subReasonFits,
} from "@/db/constants";
import { LIST_SORTS, type ListEnquiriesInput } from "@/server/schemas/enquiries";

// The list's filters live in the URL so a reload or a shared link shows the same list, and other
// pages (the analytics drill-down, a member's page) can link straight to a filtered list.
// The parameter names are a contract with those pages: rename none of them.
//
//   status, cause, symptom, channel   comma-separated codes
//   sub                               sub-reasons of 政策改革 and 其他, comma-separated codes
//   region                            6-digit province or city code
//   assignee, member                  numeric ids
//   mine=1                            only enquiries assigned to the viewer
//   recheck=due                       系统延迟 re-checks due today or overdue
//   transferred=out                   work orders the viewer's region handed on by 转办
//   from, to                          YYYY-MM-DD, inclusive calendar days in Beijing time
//   q                                 search text
//   sort                              newest (default) | oldest | due
//
// Hand-edited or stale links are common, so an invalid value is dropped, never an error.

export type ListSort = (typeof LIST_SORTS)[number];

export type EnquiryFilters = {
  status: (typeof ENQUIRY_STATUS_CODES)[number][];
  cause: (typeof CAUSE_CODES)[number][];
  sub: (typeof SUB_REASON_CODES)[number][];
  symptom: (typeof SYMPTOM_CODES)[number][];
  channel: (typeof CHANNEL_CODES)[number][];
  region?: string;
  assignee?: number;
  mine: boolean;
  recheckDue: boolean;
  transferredOut: boolean;
  from?: string;
  to?: string;
  q?: string;
  sort: ListSort;
  member?: number;
};

export const EMPTY_FILTERS: EnquiryFilters = {
  status: [],
  cause: [],
  sub: [],
  symptom: [],
  channel: [],
  mine: false,
  recheckDue: false,
  transferredOut: false,
  sort: "newest",
};

// The same cap as the router's schema, so a long pasted term narrows rather than fails.
const MAX_SEARCH_LENGTH = 50;

type Params = Pick<URLSearchParams, "get" | "getAll">;

function codeList<C extends string>(params: Params, name: string, allowed: readonly C[]): C[] {
  // Accept `status=open,resolved` and also the repeated `status=open&status=resolved`.
  const values = params.getAll(name).flatMap((value) => value.split(","));
  return allowed.filter((code) => values.includes(code));
}

function positiveId(value: string | null): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const id = Number(value);
  return id > 0 && Number.isSafeInteger(id) ? id : undefined;
}

export function parseFilters(params: Params): EnquiryFilters {
  const region = params.get("region");
  const q = params.get("q")?.trim().slice(0, MAX_SEARCH_LENGTH).trim();
  const sort = params.get("sort");
  const cause = codeList(params, "cause", CAUSE_CODES);
  return {
    status: codeList(params, "status", ENQUIRY_STATUS_CODES),
    cause,
    // A sub-reason only with its cause, so no filter is in force that the bar does not show.
    sub: codeList(params, "sub", SUB_REASON_CODES).filter((code) =>
      cause.some((c) => subReasonFits(c, code)),
    ),
    symptom: codeList(params, "symptom", SYMPTOM_CODES),
    channel: codeList(params, "channel", CHANNEL_CODES),
    region: region && /^\d{6}$/.test(region) ? region : undefined,
    assignee: positiveId(params.get("assignee")),
    mine: params.get("mine") === "1",
    recheckDue: params.get("recheck") === "due",
    transferredOut: params.get("transferred") === "out",
    from: calendarDay(params.get("from")),
    to: calendarDay(params.get("to")),
    q: q || undefined,
    sort: LIST_SORTS.find((option) => option === sort) ?? "newest",
    member: positiveId(params.get("member")),
  };
}

const nonEmpty = <T>(list: T[]) => (list.length > 0 ? list : undefined);

// The first page's input; the infinite query adds the cursor.
export function toListInput(filters: EnquiryFilters): Omit<ListEnquiriesInput, "cursor"> {
  const { start, end } = dayRangeBounds(filters);
  return {
    status: nonEmpty(filters.status),
    cause: nonEmpty(filters.cause),
    subReason: nonEmpty(filters.sub),
    symptom: nonEmpty(filters.symptom),
    channel: nonEmpty(filters.channel),
    regionCode: filters.region,
    assigneeId: filters.assignee,
    mine: filters.mine || undefined,
    recheckDue: filters.recheckDue || undefined,
    transferredOut: filters.transferredOut || undefined,
    memberId: filters.member,
    openedFrom: start,
    openedTo: end,
    q: filters.q,
    sort: filters.sort,
  };
}

export function parseListInput(params: Params): Omit<ListEnquiriesInput, "cursor"> {
  return toListInput(parseFilters(params));
}

export function toQueryString(filters: EnquiryFilters): string {
  const params = new URLSearchParams();
  const set = (name: string, value: string | number | undefined) => {
    if (value !== undefined && value !== "") params.set(name, String(value));
  };
  set("status", filters.status.join(","));
  set("cause", filters.cause.join(","));
  set("sub", filters.sub.join(","));
  set("symptom", filters.symptom.join(","));
  set("channel", filters.channel.join(","));
  set("region", filters.region);
  set("assignee", filters.assignee);
  if (filters.mine) set("mine", 1);
  if (filters.recheckDue) set("recheck", "due");
  if (filters.transferredOut) set("transferred", "out");
  set("from", filters.from);
  set("to", filters.to);
  set("q", filters.q?.trim());
  if (filters.sort !== "newest") set("sort", filters.sort);
  set("member", filters.member);
  // Commas are legal in a query string and keep shared links readable (status=open,resolved).
  return params.toString().replace(/%2C/gi, ",");
}

// Sort order is a view preference, not a filter: it never makes the list come up empty.
export function hasActiveFilters(filters: EnquiryFilters): boolean {
  return toQueryString({ ...filters, sort: "newest" }) !== "";
}
