import { describe, expect, it } from "vitest";
import { createPoolGate, DatabaseBusyError, isDatabaseUnavailable } from "./pool-gate";

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("createPoolGate", () => {
  it("admits up to its permits and serves waiters in order", async () => {
    const gate = createPoolGate(2, 1000);
    const order: string[] = [];
    const job = (name: string, ms: number) =>
      gate.run(async () => {
        order.push(`start ${name}`);
        await later(ms);
        order.push(`end ${name}`);
      });
    const all = Promise.all([job("a", 30), job("b", 60), job("c", 10), job("d", 10)]);
    expect(gate.inUse).toBe(2);
    expect(gate.waiting).toBe(2);
    await all;
    expect(order.slice(0, 2)).toEqual(["start a", "start b"]);
    expect(order.indexOf("start c")).toBeGreaterThan(order.indexOf("end a"));
    expect(order.indexOf("start c")).toBeLessThan(order.indexOf("start d"));
    expect(gate.inUse).toBe(0);
  });

  it("refuses a waiter after the acquire timeout and frees the permit of a failed job", async () => {
    const gate = createPoolGate(1, 50);
    const blocker = gate.run(() => later(200));
    const started = performance.now();
    await expect(gate.run(async () => "never")).rejects.toBeInstanceOf(DatabaseBusyError);
    expect(performance.now() - started).toBeLessThan(150);
    expect(gate.waiting).toBe(0);
    await blocker;
    await expect(gate.run(() => Promise.reject(new Error("query failed")))).rejects.toThrow();
    expect(gate.inUse).toBe(0);
    await expect(gate.run(async () => "ok")).resolves.toBe("ok");
  });
});

describe("isDatabaseUnavailable", () => {
  it("finds a lost connection or a busy pool inside wrapping errors, and nothing else", () => {
    const terminated = Object.assign(new Error("terminating connection"), { code: "57P01" });
    const wrapped = new Error("Failed query: insert …", { cause: terminated });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    expect(isDatabaseUnavailable(new Error("x", { cause: new DatabaseBusyError(10) }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error(), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error(), { code: "08006" }))).toBe(true);
    const unique = Object.assign(new Error("duplicate key"), { code: "23505" });
    expect(isDatabaseUnavailable(new Error("Failed query", { cause: unique }))).toBe(false);
    expect(isDatabaseUnavailable(new Error("plain"))).toBe(false);
  });
});
