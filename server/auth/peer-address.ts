import { randomBytes } from "node:crypto";
import { type IncomingMessage, Server } from "node:http";

// Route handlers in Next see headers, not the socket. This records the socket's remote
// address in a request header before Next reads the request, for every HTTP server of the
// process (instrumentation.ts installs it when the server starts). The header carries a random
// per-process token, so a value a client sends itself (in the moment before installation,
// say) is never taken for the socket address.
export const PEER_HEADER = "x-balance-desk-peer";

const state = globalThis as { balanceDeskPeerToken?: string };

export function recordPeerAddresses(): void {
  if (state.balanceDeskPeerToken) return;
  const token = randomBytes(16).toString("hex");
  state.balanceDeskPeerToken = token;
  const emit: (this: Server, event: string, ...args: unknown[]) => boolean = Server.prototype.emit;
  Server.prototype.emit = function emitWithPeer(this: Server, event: string, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as IncomingMessage;
      request.headers[PEER_HEADER] = `${token} ${request.socket.remoteAddress ?? ""}`;
    }
    return emit.call(this, event, ...args);
  };
}

// The socket address recorded for this request, or null when none was (a request not served
// by this process's HTTP server, or a header a client forged).
export function peerAddressOf(headers: Headers): string | null {
  const token = state.balanceDeskPeerToken;
  const [sent, address] = (headers.get(PEER_HEADER) ?? "").split(" ");
  return token && sent === token && address ? address : null;
}
