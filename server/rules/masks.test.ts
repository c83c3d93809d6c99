import { describe, expect, it } from "vitest";
import { createPiiCodec, generatePiiKey, maskIdNumber, maskPhone } from "@/db/pii";

describe("maskIdNumber", () => {
  it("keeps the region and the last four, hiding the birth date", () => {
    const masked = maskIdNumber("110101199003071234");
    expect(masked).toBe("110101********1234");
    expect(masked).not.toContain("19900307");
  });

  it("keeps the check character X visible", () => {
    expect(maskIdNumber("11010519491231002X")).toBe("110105********002X");
  });

  it.each(["", "1", "123456789"])("masks %j completely", (short) => {
    expect(maskIdNumber(short)).toBe("*".repeat(short.length));
  });
});

describe("maskPhone", () => {
  it("keeps the carrier prefix and the last four", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
  });

  it.each(["", "1", "123456"])("masks %j completely", (short) => {
    expect(maskPhone(short)).toBe("*".repeat(short.length));
  });

  it("masks a landline's middle digits", () => {
    expect(maskPhone("02887654321")).toBe("028****4321");
  });
});

describe("createPiiCodec", () => {
  const key = generatePiiKey();
  const codec = createPiiCodec(key);
  const idNumber = "110101199003071234";

  it("decrypts what it encrypted", () => {
    expect(codec.decrypt(codec.encrypt(idNumber))).toBe(idNumber);
    expect(codec.decrypt(codec.encrypt("张三 13812345678"))).toBe("张三 13812345678");
  });

  it("never stores the clear value and varies the ciphertext per call", () => {
    const first = codec.encrypt(idNumber);
    const second = codec.encrypt(idNumber);
    expect(first).not.toContain(idNumber);
    expect(first).not.toBe(second);
    expect(first.startsWith("v1:")).toBe(true);
  });

  it("hashes the same value the same way, so lookups by hash work", () => {
    expect(codec.hash(idNumber)).toBe(codec.hash(idNumber));
    expect(createPiiCodec(key).hash(idNumber)).toBe(codec.hash(idNumber));
    expect(codec.hash(idNumber)).toMatch(/^[0-9a-f]{64}$/);
    expect(codec.hash(idNumber)).not.toBe(codec.hash("110101199003071235"));
  });

  it("keys the hash: another key gives another hash", () => {
    const other = createPiiCodec(generatePiiKey());
    expect(other.hash(idNumber)).not.toBe(codec.hash(idNumber));
  });

  it("refuses to decrypt with another key", () => {
    const other = createPiiCodec(generatePiiKey());
    expect(() => other.decrypt(codec.encrypt(idNumber))).toThrow();
  });

  it("refuses tampered ciphertext", () => {
    const stored = codec.encrypt(idNumber);
    const raw = Buffer.from(stored.slice("v1:".length), "base64");
    const last = raw.length - 1;
    raw[last] = (raw[last] ?? 0) ^ 0x01;
    expect(() => codec.decrypt(`v1:${raw.toString("base64")}`)).toThrow();
  });

  it("refuses a tampered authentication tag", () => {
    const raw = Buffer.from(codec.encrypt(idNumber).slice("v1:".length), "base64");
    raw[12] = (raw[12] ?? 0) ^ 0x80;
    expect(() => codec.decrypt(`v1:${raw.toString("base64")}`)).toThrow();
  });

  it("refuses an unknown format", () => {
    expect(() => codec.decrypt("v2:abcd")).toThrow("unknown PII cipher format");
    expect(() => codec.decrypt(idNumber)).toThrow("unknown PII cipher format");
  });

  it("refuses a key that is not 32 bytes", () => {
    expect(() => createPiiCodec(Buffer.alloc(16).toString("base64"))).toThrow(
      "PII_KEY must be 32 bytes",
    );
  });
});
