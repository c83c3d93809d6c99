import { once } from "node:events";
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { addressKey, clientAddressOf, normalizeAddress } from "./client-address";
import { PEER_HEADER, recordPeerAddresses } from "./peer-address";

// Sends one request with the given headers to a plain HTTP server of this process and returns
// the client address the app would compute from what the server received.
async function addressSeen(headers: Record<string, string>, trustedProxies: number) {
  recordPeerAddresses();
  let seen: string | null | undefined;
  const server = createServer((request, response) => {
    const received = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === "string") received.set(name, value);
    }
    seen = clientAddressOf(received, trustedProxies);
    response.end();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => {
    httpRequest({ host: "127.0.0.1", port, headers }, (response) => {
      response.resume();
      response.on("end", resolve);
    })
      .on("error", reject)
      .end();
  });
  server.close();
  return seen;
}

describe("the client address", () => {
  it("is the socket's address by default, whatever X-Forwarded-For claims", async () => {
    expect(await addressSeen({}, 0)).toBe("127.0.0.1");
    expect(await addressSeen({ "x-forwarded-for": "203.0.113.9" }, 0)).toBe("127.0.0.1");
    expect(await addressSeen({ "x-real-ip": "203.0.113.9" }, 0)).toBe("127.0.0.1");
  });

  it("cannot be forged with the header that carries the socket address", async () => {
    expect(await addressSeen({ [PEER_HEADER]: "x 203.0.113.9" }, 0)).toBe("127.0.0.1");
    const forged = new Headers({ [PEER_HEADER]: "guess 203.0.113.9" });
    expect(clientAddressOf(forged, 0)).toBeNull();
  });

  it("behind N trusted proxies is the Nth hop from the right", async () => {
    // One proxy (this test's client plays it) appended the address it saw.
    const chain = { "x-forwarded-for": "198.51.100.1, 203.0.113.9" };
    expect(await addressSeen(chain, 1)).toBe("203.0.113.9");
    expect(await addressSeen(chain, 2)).toBe("198.51.100.1");
  });

  it("falls back to the socket's address, never to none, when the header does not fit", async () => {
    expect(await addressSeen({}, 1)).toBe("127.0.0.1");
    expect(await addressSeen({ "x-forwarded-for": "203.0.113.9" }, 3)).toBe("127.0.0.1");
    expect(await addressSeen({ "x-forwarded-for": "'; drop table users" }, 1)).toBe("127.0.0.1");
    expect(await addressSeen({ "x-forwarded-for": "203.0.113.9, " }, 1)).toBe("127.0.0.1");
  });

  it("is stored as plain IPv4 or lower-case IPv6", () => {
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress(" 2001:DB8::1 ")).toBe("2001:db8::1");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80::1");
    expect(normalizeAddress("localhost")).toBeNull();
  });
});

describe("the limiter's address key", () => {
  it("keys IPv6 by its /64, IPv4 by the address, and an unknown address by one key", () => {
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe("ip:2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("ip:2001:db8:1:2::/64");
    expect(addressKey("2001:0db8:0001:0002::")).toBe("ip:2001:db8:1:2::/64");
    expect(addressKey("2001:db8::1")).toBe("ip:2001:db8:0:0::/64");
    expect(addressKey("::1")).toBe("ip:0:0:0:0::/64");
    expect(addressKey("64:ff9b::192.0.2.1")).toBe("ip:64:ff9b:0:0::/64");
    expect(addressKey("198.51.100.20")).toBe("ip:198.51.100.20");
    expect(addressKey(null)).toBe("ip:unknown");
  });
});
