// Database: how the personal-data columns are stored (ciphertext, lookup hash, mask).
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

// Column-level protection of personal data (身份证号, 手机号). One 32-byte master key (PII_KEY,
// base64) is split by HKDF into an encryption key (AES-256-GCM, for the audited reveal) and a
// hashing key (HMAC-SHA256, for exact lookup without decrypting every row). Masks are computed
// here too so that no caller ever has to handle the clear value to display it.

export type PiiCodec = {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  hash(plain: string): string;
};

const CIPHER_VERSION = "v1";

export function createPiiCodec(masterKeyBase64: string): PiiCodec {
  const master = Buffer.from(masterKeyBase64, "base64");
  if (master.length !== 32) {
    throw new Error("PII_KEY must be 32 bytes encoded as base64");
  }
  const derive = (info: string) =>
    Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), info, 32));
  const encryptionKey = derive("balance-desk/pii/encrypt");
  const hashingKey = derive("balance-desk/pii/hash");

  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", encryptionKey, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      const payload = Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
      return `${CIPHER_VERSION}:${payload}`;
    },
    decrypt(stored) {
      const [version, payload] = stored.split(":");
      if (version !== CIPHER_VERSION || !payload) throw new Error("unknown PII cipher format");
      const raw = Buffer.from(payload, "base64");
      const decipher = createDecipheriv("aes-256-gcm", encryptionKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    },
    hash(plain) {
      return createHmac("sha256", hashingKey).update(plain).digest("hex");
    },
  };
}

export function generatePiiKey(): string {
  return randomBytes(32).toString("base64");
}

// First 6 (the issuing region) and last 4 stay visible; the birth date in between is hidden.
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length < 10) return "*".repeat(idNumber.length);
  return `${idNumber.slice(0, 6)}${"*".repeat(idNumber.length - 10)}${idNumber.slice(-4)}`;
}

export function maskPhone(phone: string): string {
  if (phone.length < 7) return "*".repeat(phone.length);
  return `${phone.slice(0, 3)}${"*".repeat(phone.length - 7)}${phone.slice(-4)}`;
}
