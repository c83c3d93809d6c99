import { describe, expect, it } from "vitest";
import { crossSiteRefusal, isCrossSite } from "./cross-site";

const headers = (values: Record<string, string>) =>
  new Headers({ host: "desk.example.cn", ...values });

describe("cross-site requests", () => {
  it("refuses what a browser marks cross-site or sends from another origin", () => {
    expect(isCrossSite(headers({ "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isCrossSite(headers({ origin: "https://evil.example" }))).toBe(true);
    expect(isCrossSite(headers({ origin: "https://desk.example.cn.evil.example" }))).toBe(true);
    expect(isCrossSite(headers({ origin: "https://desk.example.cn:8443" }))).toBe(true);
    expect(isCrossSite(headers({ origin: "null" }))).toBe(true);
    expect(
      isCrossSite(headers({ origin: "https://desk.example.cn", "sec-fetch-site": "cross-site" })),
    ).toBe(true);
  });

  it("lets the app's own pages through, also behind a proxy", () => {
    expect(isCrossSite(headers({ origin: "https://desk.example.cn" }))).toBe(false);
    expect(isCrossSite(headers({ origin: "http://DESK.example.cn" }))).toBe(false);
    expect(isCrossSite(headers({ "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(
      isCrossSite(
        new Headers({
          host: "127.0.0.1:3000",
          "x-forwarded-host": "desk.example.cn",
          origin: "https://desk.example.cn",
          "sec-fetch-site": "same-origin",
        }),
      ),
    ).toBe(false);
  });

  it("lets requests through that carry neither header: scripts, not browsers", () => {
    expect(isCrossSite(headers({}))).toBe(false);
    expect(isCrossSite(headers({ "sec-fetch-site": "none" }))).toBe(false);
  });

  it("answers 403 with a Chinese JSON message", async () => {
    const request = new Request("http://desk.example.cn/api/export/aggregate.csv", {
      headers: { origin: "https://evil.example" },
    });
    const response = crossSiteRefusal(request);
    expect(response?.status).toBe(403);
    expect(await response?.json()).toEqual({ error: "不接受来自其他网站的请求" });
    expect(crossSiteRefusal(new Request("http://desk.example.cn/api/export/x"))).toBeNull();
  });
});
