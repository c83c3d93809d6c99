import { describe, expect, it } from "vitest";
import { listEnquiriesInput } from "@/server/schemas/enquiries";
import {
  EMPTY_FILTERS,
  hasActiveFilters,
  parseFilters,
  parseListInput,
  toQueryString,
} from "./search-params";

const parse = (query: string) => parseFilters(new URLSearchParams(query));

describe("parseFilters", () => {
  it("reads an empty query as no filters, newest first", () => {
    expect(parse("")).toEqual({ ...EMPTY_FILTERS });
    expect(hasActiveFilters(parse(""))).toBe(false);
  });

  it("reads the analytics drill-down link", () => {
    const input = parseListInput(
      new URLSearchParams("cause=system_delay&region=320200&from=2026-06-01&to=2026-06-30"),
    );
    expect(input).toMatchObject({ cause: ["system_delay"], regionCode: "320200", sort: "newest" });
    // Beijing is UTC+8: 1 June starts at 31 May 16:00 UTC; `to` is inclusive, so the range
    // ends at the start of 1 July.
    expect(input.openedFrom?.toISOString()).toBe("2026-05-31T16:00:00.000Z");
    expect(input.openedTo?.toISOString()).toBe("2026-06-30T16:00:00.000Z");
    expect(listEnquiriesInput.safeParse(input).success).toBe(true);
  });

  it("reads comma-separated and repeated code lists, dropping unknown codes", () => {
    const filters = parse("status=open,bogus,resolved&status=in_progress&symptom=negative,,");
    expect(filters.status).toEqual(["open", "in_progress", "resolved"]);
    expect(filters.symptom).toEqual(["negative"]);
    expect(parse("channel=counter,counter").channel).toEqual(["counter"]);
  });

  it("drops malformed regions, ids, days and sorts instead of failing", () => {
    const filters = parse(
      "region=3202&assignee=abc&member=-4&from=2026-02-30&to=2026-6-1&sort=random&mine=yes",
    );
    expect(filters).toEqual({ ...EMPTY_FILTERS });
    expect(parse("assignee=0").assignee).toBeUndefined();
    expect(parse("member=1.5").member).toBeUndefined();
    expect(parse("member=99999999999999999999").member).toBeUndefined();
    expect(parse("region=32020a").region).toBeUndefined();
  });

  it("reads sub-reasons only with their cause, so no hidden filter is in force", () => {
    const both = parse("cause=policy_reform,other&sub=outpatient_reform,medical_spending,bogus");
    expect(both.sub).toEqual(["outpatient_reform", "medical_spending"]);
    expect(parseListInput(new URLSearchParams(toQueryString(both)))).toMatchObject({
      cause: ["policy_reform", "other"],
      subReason: ["outpatient_reform", "medical_spending"],
    });
    expect(parse("cause=policy_reform&sub=medical_spending").sub).toEqual([]);
    expect(parse("sub=outpatient_reform").sub).toEqual([]);
  });

  it("accepts valid single values", () => {
    const filters = parse("assignee=7&member=12&mine=1&sort=due&from=2024-02-29");
    expect(filters).toMatchObject({ assignee: 7, member: 12, mine: true, sort: "due" });
    expect(filters.from).toBe("2024-02-29");
  });

  it("trims the search text and cuts it to the router's 50-character limit", () => {
    expect(parse("q=%20%E9%80%8F%E6%94%AF%20").q).toBe("透支");
    expect(parse("q=%20%20").q).toBeUndefined();
    expect(parse(`q=${"负".repeat(80)}`).q).toHaveLength(50);
  });

  it("produces input the router accepts even from a hostile query", () => {
    const input = parseListInput(
      new URLSearchParams(`status=open&q=${"x".repeat(500)}&assignee=1e9&to=2026-12-31`),
    );
    expect(listEnquiriesInput.safeParse(input).success).toBe(true);
    expect(input.openedTo?.toISOString()).toBe("2026-12-31T16:00:00.000Z");
  });
});

describe("toQueryString", () => {
  it("writes nothing for no filters", () => {
    expect(toQueryString(EMPTY_FILTERS)).toBe("");
  });

  it("keeps commas readable and omits the default sort", () => {
    const query = toQueryString({
      ...EMPTY_FILTERS,
      status: ["open", "in_progress"],
      cause: ["family_aid"],
      region: "320000",
      mine: true,
      from: "2026-06-01",
      to: "2026-06-30",
      q: "透支",
    });
    expect(query).toBe(
      "status=open,in_progress&cause=family_aid&region=320000&mine=1&from=2026-06-01&to=2026-06-30&q=%E9%80%8F%E6%94%AF",
    );
  });

  it("round-trips through parseFilters", () => {
    const filters = {
      ...EMPTY_FILTERS,
      symptom: ["zero" as const, "mismatch" as const],
      channel: ["hotline_12393" as const],
      assignee: 3,
      member: 42,
      q: "余额, 负数",
      sort: "oldest" as const,
    };
    expect(parse(toQueryString(filters))).toEqual(filters);
  });

  it("carries the 已转出 view as transferred=out", () => {
    const filters = { ...EMPTY_FILTERS, transferredOut: true, status: ["open" as const] };
    expect(toQueryString(filters)).toBe("status=open&transferred=out");
    expect(parse("transferred=out")).toEqual({ ...EMPTY_FILTERS, transferredOut: true });
    expect(parse("transferred=1").transferredOut).toBe(false);
    expect(parseListInput(new URLSearchParams("transferred=out")).transferredOut).toBe(true);
    expect(parseListInput(new URLSearchParams("")).transferredOut).toBeUndefined();
  });

  it("carries the 今日待复查 / 已逾期 view as recheck=due", () => {
    const filters = { ...EMPTY_FILTERS, recheckDue: true, mine: true };
    expect(toQueryString(filters)).toBe("mine=1&recheck=due");
    expect(parse("recheck=due")).toEqual({ ...EMPTY_FILTERS, recheckDue: true });
    expect(parse("recheck=yes").recheckDue).toBe(false);
    expect(parseListInput(new URLSearchParams("recheck=due")).recheckDue).toBe(true);
    expect(hasActiveFilters(parse("recheck=due"))).toBe(true);
  });

  it("treats sort alone as no filter", () => {
    expect(hasActiveFilters({ ...EMPTY_FILTERS, sort: "due" })).toBe(false);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, member: 5 })).toBe(true);
  });
});
