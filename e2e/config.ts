import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATABASE = "balance_desk_e2e";
export const E2E_STATE_FILE = path.resolve(".data/e2e-state.json");
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const DEMO_PASSWORD = "demo-pass-2026";

// The e2e suite recreates its database, so it refuses anything but a server on this machine.
export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run end-to-end tests against a non-local database (${host}).`);
  }
}
