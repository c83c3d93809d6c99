import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generatePiiKey } from "@/db/pii";

// Secrets for the local default, generated on first start and kept in the gitignored data
// folder (readable by the owner only). Production supplies its own through the environment.
export type LocalConfig = { authSecret: string; piiKey: string; postgresPassword: string };

export const DATA_DIR = path.resolve(process.env.BALANCE_DESK_DATA_DIR ?? ".data");

export function loadLocalConfig(): LocalConfig {
  const file = path.join(DATA_DIR, "local-config.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as LocalConfig;
  mkdirSync(DATA_DIR, { recursive: true });
  const config: LocalConfig = {
    authSecret: randomBytes(32).toString("base64url"),
    piiKey: generatePiiKey(),
    postgresPassword: randomBytes(18).toString("base64url"),
  };
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  return config;
}
