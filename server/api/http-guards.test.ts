import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { testPii } from "../testing/callers";
import { MAX_BATCH_SIZE } from "./batch-limit";
import { MAX_BODY_BYTES } from "./body-limit";
import { handleTrpcRequest } from "./http-handler";
import { createTRPCContext } from "./trpc";

// What the tRPC endpoint refuses before any procedure runs. Signed out, a call that gets
// through answers 401 from the procedure itself.
let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.drop());

const signedOut = async () => createTRPCContext({ session: null, db: testDb.db, pii: testPii });
const body = JSON.stringify({ json: { currentPassword: "x", newPassword: "y" } });

function mutation(headers: Record<string, string>, payload = body) {
  return new Request("http://desk.example.cn/api/trpc/account.changePassword", {
    method: "POST",
    headers: { host: "desk.example.cn", "content-type": "application/json", ...headers },
    body: payload,
  });
}

describe("the tRPC endpoint", () => {
  it("refuses a mutation sent from another site with 403", async () => {
    const attempts: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { "sec-fetch-site": "cross-site" },
    ];
    for (const headers of attempts) {
      const response = await handleTrpcRequest(mutation(headers), signedOut);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: "不接受来自其他网站的请求" });
    }
  });

  it("lets the app's own pages and scripts through", async () => {
    const own = { origin: "http://desk.example.cn", "sec-fetch-site": "same-origin" };
    expect((await handleTrpcRequest(mutation(own), signedOut)).status).toBe(401);
    expect((await handleTrpcRequest(mutation({}), signedOut)).status).toBe(401);
  });

  it("refuses a body over the cap with 413, declared or streamed", async () => {
    const big = JSON.stringify({ json: { currentPassword: "x".repeat(MAX_BODY_BYTES) } });
    const declared = await handleTrpcRequest(mutation({}, big), signedOut);
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({ error: "请求内容过大" });

    const chunked = new Request("http://desk.example.cn/api/trpc/account.changePassword", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new Blob([big]).stream(),
      duplex: "half",
    } as RequestInit);
    expect(chunked.headers.get("content-length")).toBeNull();
    expect((await handleTrpcRequest(chunked, signedOut)).status).toBe(413);
  });

  it("refuses a batch longer than the client ever sends", async () => {
    const batch = (size: number) => {
      const paths = Array(size).fill("viewer.me").join(",");
      return new Request(`http://desk.example.cn/api/trpc/${paths}?batch=1&input={}`);
    };
    expect((await handleTrpcRequest(batch(MAX_BATCH_SIZE), signedOut)).status).toBe(401);
    expect((await handleTrpcRequest(batch(MAX_BATCH_SIZE + 1), signedOut)).status).toBe(400);
  });
});
