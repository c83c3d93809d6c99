import { describe, expect, it } from "vitest";
import { createExportSlots, releasingWhenDone } from "./export-slots";

const streamOf = (...chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });

describe("export slots", () => {
  it("allow one export per user and two per instance", () => {
    const slots = createExportSlots();
    const first = slots.acquire(1);
    expect(first).not.toBeNull();
    expect(slots.acquire(1)).toBeNull();
    const second = slots.acquire(2);
    expect(second).not.toBeNull();
    expect(slots.acquire(3)).toBeNull();
    first?.();
    first?.();
    expect(slots.acquire(3)).not.toBeNull();
    expect(slots.acquire(1)).toBeNull();
  });

  it("are given back when the download ends or is cancelled", async () => {
    const slots = createExportSlots();
    const read = slots.acquire(1);
    if (!read) throw new Error("no slot");
    const body = releasingWhenDone(streamOf("a", "b"), read);
    expect(slots.acquire(1)).toBeNull();
    expect(await new Response(body).text()).toBe("ab");

    const cancelled = slots.acquire(1);
    if (!cancelled) throw new Error("no slot");
    await releasingWhenDone(streamOf("a"), cancelled).cancel();
    expect(slots.acquire(1)).not.toBeNull();
  });
});
