import { describe, expect, it } from "vitest";
import { parseAuditFilters, toAuditInput, toAuditQuery } from "./search-params";

describe("audit log filters in the URL", () => {
  it("round-trip through the query string", () => {
    const filters = {
      from: "2026-03-01",
      to: "2026-03-31",
      actor: 7,
      action: "user.disable" as const,
      entity: "user",
      id: "42",
    };
    expect(parseAuditFilters(new URLSearchParams(toAuditQuery(filters)))).toEqual(filters);
  });

  it("drop stale or hand-edited values instead of failing", () => {
    const params = new URLSearchParams(
      `from=2026-02-30&to=soon&actor=-3&action=user.explode&entity=Robert');&id=${"9".repeat(65)}`,
    );
    expect(parseAuditFilters(params)).toEqual({
      from: undefined,
      to: undefined,
      actor: undefined,
      action: undefined,
      entity: undefined,
      id: undefined,
    });
  });

  it("turn inclusive Beijing days into an instant range", () => {
    const input = toAuditInput({ from: "2026-03-02", to: "2026-03-02" });
    expect(input.from?.toISOString()).toBe("2026-03-01T16:00:00.000Z");
    expect(input.to?.toISOString()).toBe("2026-03-02T16:00:00.000Z");
  });
});
