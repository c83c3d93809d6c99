import type { RouterOutputs } from "@/server/api/root";

export type UserRow = RouterOutputs["users"]["list"]["items"][number];

// The Cascader works with the province → city path; the API with the code alone. GB/T 2260
// codes carry their province in the first two digits.
export function scopePath(code: string | null): string[] {
  if (!code) return [];
  const province = `${code.slice(0, 2)}0000`;
  return province === code ? [code] : [province, code];
}
