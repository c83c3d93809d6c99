import { NEXT_BIN } from "./build";

// The address the server listens on: 127.0.0.1 unless HOST names another. Next's own default
// is every interface, which would put the local demo (published password) on the network.
export function listenHost(vars: Record<string, string | undefined> = process.env): string {
  return vars.HOST?.trim() || "127.0.0.1";
}

// The arguments for `next start` (or `next dev`) on that address and port.
export function nextServerArgs(mode: "start" | "dev", port: string, host: string): string[] {
  return [NEXT_BIN, mode, "-p", port, "-H", host];
}

export function serverUrl(host: string, port: string): string {
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}
