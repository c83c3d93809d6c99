import { hash, verify } from "@node-rs/argon2";

// argon2id (the library default) with OWASP's second recommended profile (19 MiB, 2 passes), light enough for a
// 2-core server to sign many users in at once.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, OPTIONS);
}

export async function verifyPassword(stored: string, plain: string): Promise<boolean> {
  try {
    return await verify(stored, plain);
  } catch {
    return false;
  }
}

// Verified against when the login is unknown, so both failures cost the same time.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("balance-desk-timing-equaliser");
  return dummyHash;
}
