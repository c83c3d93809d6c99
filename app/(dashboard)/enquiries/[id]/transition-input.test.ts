import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import { TRANSITIONS } from "@/server/rules/enquiry-status";
import { transitionInput } from "@/server/schemas/enquiries";
import { formFieldOf, inputOf, requiresOf } from "./transition-input";

const base = { id: 1, version: 1 };

describe("inputOf", () => {
  it("sends only what the course table says an action requires", () => {
    const input = inputOf("suspend", {
      reason: "  等待参保单位补交材料 ",
      resumeOn: dayjs("2026-03-02"),
      note: "not asked for",
      comment: "not asked for",
    });
    expect(input).toMatchObject({
      reason: "等待参保单位补交材料",
      resumeOn: "2026-03-02",
      note: null,
      comment: null,
      extendTo: null,
    });
  });

  it("keeps the words of a 退单 only for 其他", () => {
    expect(
      inputOf("request_return", { returnReason: "outside_area", returnReasonText: "x" })
        .returnReason,
    ).toEqual({ code: "outside_area", text: null });
    expect(
      inputOf("request_return", { returnReason: "other", returnReasonText: " 重复派单 " })
        .returnReason,
    ).toEqual({ code: "other", text: "重复派单" });
  });

  it("takes the city of the Cascader path, or the typed code", () => {
    expect(inputOf("transfer", { toRegion: ["510000", "511100"], reason: "属地" }).toRegion).toBe(
      "511100",
    );
    expect(inputOf("transfer", { toRegion: " 511100 ", reason: "属地" }).toRegion).toBe("511100");
  });

  it("reads the picked reply time as Beijing time", () => {
    const replyBy = inputOf("supervise", {
      comment: "请尽快答复",
      replyBy: dayjs("2026-03-02 17:30"),
    }).replyBy;
    expect(replyBy?.toISOString()).toBe("2026-03-02T09:30:00.000Z");
  });

  it("builds an input the router accepts for every action with its fields filled", () => {
    for (const { code } of TRANSITIONS) {
      const input = {
        ...base,
        action: code,
        ...inputOf(code, {
          reason: "原因",
          resolutionSummary: "已处理",
          method: "phone",
          result: "已理解",
          satisfaction: "satisfied",
          returnReason: "other",
          returnReasonText: "重复派单",
          note: "理由",
          toRegion: ["510000", "511100"],
          resumeOn: dayjs("2026-03-02"),
          extendTo: dayjs("2026-03-03"),
          comment: "意见",
          replyBy: dayjs("2026-03-02 17:30"),
          answer: "答复",
        }),
      };
      expect(transitionInput.safeParse(input).success, code).toBe(true);
      for (const field of requiresOf(code)) {
        expect(input[field], `${code} ${field}`).not.toBeNull();
      }
    }
  });
});

describe("formFieldOf", () => {
  it("puts a server error on the dialog's field, or nowhere when the dialog has none", () => {
    expect(formFieldOf("toRegion", "transfer", {})).toBe("toRegion");
    expect(formFieldOf("extendTo", "suspend", {})).toBeNull();
    expect(formFieldOf("returnReason", "request_return", { returnReason: "other" })).toBe(
      "returnReasonText",
    );
    expect(formFieldOf("returnReason", "request_return", { returnReason: "incomplete" })).toBe(
      "returnReason",
    );
    expect(formFieldOf("followUp", "follow_up", {})).toBeNull();
  });
});
