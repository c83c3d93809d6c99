// Rules for the two secrets of a production server. Each returns why a value is unfit, or null.
// A secret someone typed, copied from documentation or left at an example value can be guessed:
// AUTH_SECRET signs every session (whoever knows it can sign in as anyone) and PII_KEY protects
// every ID number and phone. Both must come from a random generator such as
// `openssl rand -base64 32`.

const GENERATE = "generate one with `openssl rand -base64 32`";

// Words that mark a value taken from an example or a template rather than a generator.
const PLACEHOLDER =
  /change.?me|replace.?me|example|placeholder|your.?secret|test.?only|dummy|default|password|secret.?key/i;

export function authSecretProblem(value: string): string | null {
  if (value.length < 32) return `must be at least 32 characters; ${GENERATE}`;
  if (PLACEHOLDER.test(value)) return `looks like an example value, not a secret; ${GENERATE}`;
  if (new Set(value).size < 10 || repeatsShortUnit(value) || predictableSteps(value) > 0.5) {
    return `is too regular to be random (repeated or sequential characters); ${GENERATE}`;
  }
  return null;
}

// The key is 32 random bytes in base64 (db/pii.ts). Node's base64 decoder skips characters it
// does not know, so a mistyped key would silently decode to other bytes: the text is checked
// strictly first.
export function piiKeyFormatProblem(value: string): string | null {
  if (/^[0-9a-f]{64}$/i.test(value)) {
    return "is hex; it must be 32 bytes encoded as base64 (`openssl rand -base64 32`)";
  }
  if (!/^[A-Za-z0-9+/]{43}=?$/.test(value) && !/^[A-Za-z0-9_-]{43}$/.test(value)) {
    return "must be 32 bytes encoded as base64 (44 characters ending in =)";
  }
  return Buffer.from(value, "base64").length === 32
    ? null
    : "must be 32 bytes encoded as base64 (44 characters ending in =)";
}

export function piiKeyProblem(value: string, production: boolean): string | null {
  const format = piiKeyFormatProblem(value);
  if (format || !production) return format;
  const bytes = Buffer.from(value, "base64");
  // Random bytes are almost never all printable text nor drawn from a handful of values.
  const printable = bytes.every((b) => b >= 0x20 && b < 0x7f);
  if (printable || new Set(bytes).size < 16) {
    return "is not random: it decodes to text or repeated bytes; generate it with `openssl rand -base64 32`";
  }
  return null;
}

function repeatsShortUnit(value: string): boolean {
  for (let period = 1; period <= 16; period += 1) {
    let repeats = true;
    for (let i = period; i < value.length && repeats; i += 1) {
      repeats = value[i] === value[i - period];
    }
    if (repeats) return true;
  }
  return false;
}

// Share of neighbouring characters that repeat or count up or down by one ("aaaa", "abcd").
function predictableSteps(value: string): number {
  let predictable = 0;
  for (let i = 1; i < value.length; i += 1) {
    const step = Math.abs(value.charCodeAt(i) - value.charCodeAt(i - 1));
    if (step <= 1) predictable += 1;
  }
  return predictable / (value.length - 1);
}
