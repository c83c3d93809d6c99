import { describe, expect, it } from "vitest";
import { buildIdNumber } from "../rules/id-number";
import { callerInput, dispatchWorkOrderInput } from "./work-orders";

const issue = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? null : result.error?.issues[0]?.message;

describe("the caller of a hotline order", () => {
  it("takes a valid ID number from any region, and says what is wrong with a bad one", () => {
    const valid = buildIdNumber("450102", "19800101", 12);
    expect(issue(callerInput.safeParse({ name: "张三", idNumber: valid }))).toBeNull();
    expect(issue(callerInput.safeParse({ name: "张三", idNumber: "123" }))).toMatch(
      /^来电人身份证号/,
    );
    expect(
      issue(callerInput.safeParse({ name: "张三", idNumber: `${valid.slice(0, 17)}0` })),
    ).toMatch(/^来电人身份证号/);
    expect(issue(callerInput.safeParse({ name: "张三", phone: "12345" }))).toBe(
      "手机号应为1开头的11位数字",
    );
  });

  it("is needed when no member is chosen", () => {
    const order = {
      idempotencyKey: "5b6f3c9e-2a51-4f5e-9d7c-1f2e3a4b5c6d",
      platform: "hotline_12345",
      externalNumber: "XA2026120600001",
      dispatchingCity: "610100",
      dispatchingUnit: "西安市12345市民服务热线",
      dispatchedAt: new Date("2026-12-06T09:00:00+08:00"),
      classification: "consult",
      priority: "normal",
      regionCode: "610100",
      symptom: "zero",
      description: "余额为零",
    };
    expect(issue(dispatchWorkOrderInput.safeParse(order))).toBe(
      "请选择参保人，或填写工单上的来电人信息",
    );
    expect(
      issue(dispatchWorkOrderInput.safeParse({ ...order, caller: { name: "张三" } })),
    ).toBeNull();
    expect(issue(dispatchWorkOrderInput.safeParse({ ...order, memberId: 7 }))).toBeNull();
  });
});
