import { describe, expect, it } from "vitest";
import { listenHost, nextServerArgs, serverUrl } from "./next-server";

describe("the address npm start listens on", () => {
  it("is 127.0.0.1 unless HOST names another", () => {
    expect(listenHost({})).toBe("127.0.0.1");
    expect(listenHost({ HOST: "" })).toBe("127.0.0.1");
    expect(listenHost({ HOST: "0.0.0.0" })).toBe("0.0.0.0");
  });

  it("is passed to next with -H, in every mode", () => {
    for (const mode of ["start", "dev"] as const) {
      expect(nextServerArgs(mode, "3000", "127.0.0.1").slice(1)).toEqual([
        mode,
        "-p",
        "3000",
        "-H",
        "127.0.0.1",
      ]);
    }
    expect(serverUrl("::1", "3000")).toBe("http://[::1]:3000");
  });
});
