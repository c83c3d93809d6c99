import { describe, expect, it } from "vitest";
import { createAppClient, decodeAnswer, encodeCall } from "./http";

// encodeCall must put a call on the wire exactly as httpLink does, or the load would measure
// requests the app never receives. The client's fetch records what httpLink sends.
async function sentByHttpLink(
  send: (client: ReturnType<typeof createAppClient>) => Promise<unknown>,
) {
  let sent: { method: string; path: string; body: string | undefined } | null = null;
  const client = createAppClient("http://localhost", async (url, init) => {
    const { pathname, search } = new URL(String(url));
    sent = {
      method: init?.method ?? "GET",
      path: `${pathname}${search}`,
      body: init?.body as string | undefined,
    };
    return new Response(JSON.stringify({ result: { data: { json: null } } }));
  });
  await send(client);
  return sent;
}

describe("encodeCall", () => {
  it("encodes a query as httpLink does, dates included", async () => {
    const input = { limit: 20, openedFrom: new Date("2026-03-01T00:00:00Z"), q: "负数 %&" };
    expect(encodeCall("query", "enquiries.list", input)).toEqual(
      await sentByHttpLink((trpc) => trpc.enquiries.list.query(input)),
    );
  });

  it("encodes a query without input as httpLink does", async () => {
    expect(encodeCall("query", "viewer.me", undefined)).toEqual(
      await sentByHttpLink((trpc) => trpc.viewer.me.query()),
    );
  });

  it("encodes a mutation as httpLink does", async () => {
    const input = { id: 7, version: 3, kind: "free_text" as const, note: "已电话联系参保人" };
    expect(encodeCall("mutation", "enquiries.addStep", input)).toEqual(
      await sentByHttpLink((trpc) => trpc.enquiries.addStep.mutate(input)),
    );
  });
});

describe("decodeAnswer", () => {
  it("reads the data of a superjson answer, and nothing from an error", () => {
    const at = new Date("2026-03-16T02:00:00Z");
    expect(
      decodeAnswer(
        JSON.stringify({
          result: { data: { json: { at: at.toISOString() }, meta: { values: { at: ["Date"] } } } },
        }),
      ),
    ).toEqual({ at });
    expect(
      decodeAnswer(JSON.stringify({ error: { json: { message: "版本冲突" } } })),
    ).toBeUndefined();
    expect(decodeAnswer("<html>")).toBeUndefined();
  });
});
