import { isIP } from "node:net";
import { peerAddressOf } from "./peer-address";

// The client address a request came from, as far as it can be trusted.
//
// Next's server fills X-Forwarded-For with the socket address only when the request has none,
// so the header as the app sees it is whatever the client chose to send. The address therefore
// starts from the socket (the peer, recorded by server/auth/peer-address.ts). With TRUST_PROXY=N
// the app sits behind N reverse proxies, each appending the address it received from: the
// client is then the Nth entry from the right of the chain "X-Forwarded-For, peer", and
// anything further left was written by the client. A header too short or malformed for N
// falls back to the peer, never to no address.

// The form an address is stored and keyed in: IPv4-mapped IPv6 as IPv4, no zone, lower case.
export function normalizeAddress(value: string | null | undefined): string | null {
  const trimmed = value
    ?.trim()
    .replace(/%.*$/, "")
    .replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "")
    .toLowerCase();
  return trimmed && isIP(trimmed) ? trimmed : null;
}

export function clientAddressOf(headers: Headers, trustedProxies: number): string | null {
  const peer = peerAddressOf(headers);
  if (trustedProxies === 0) return normalizeAddress(peer);
  const chain = [...(headers.get("x-forwarded-for") ?? "").split(","), peer ?? ""];
  const client =
    chain.length - 1 - trustedProxies >= 0 ? chain[chain.length - 1 - trustedProxies] : null;
  return normalizeAddress(client) ?? normalizeAddress(peer);
}

// An IPv6 client usually holds a whole /64, so counting single addresses would let it rotate
// through 2^64 of them; the limiter counts the /64. An unknown address shares one key.
export function addressKey(address: string | null): string {
  if (!address) return "ip:unknown";
  if (isIP(address) !== 6) return `ip:${address}`;
  return `ip:${ipv6Groups(address).slice(0, 4).join(":")}::/64`;
}

// The eight 16-bit groups of an IPv6 address, in hexadecimal without leading zeros.
function ipv6Groups(address: string): string[] {
  const [head = "", tail] = address.split("::");
  const groupsOf = (part: string) =>
    part === ""
      ? []
      : part.split(":").flatMap((group) => {
          if (!group.includes(".")) return [group];
          // An embedded IPv4 address is the last two groups.
          const [a = 0, b = 0, c = 0, d = 0] = group.split(".").map(Number);
          return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
        });
  const left = groupsOf(head);
  const right = tail === undefined ? [] : groupsOf(tail);
  const zeros = Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...zeros, ...right].map((group) => Number.parseInt(group, 16).toString(16));
}
