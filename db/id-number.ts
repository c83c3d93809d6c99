// GB 11643 citizen ID numbers: 6-digit region, 8-digit birth date, 3-digit sequence, and a
// check character computed from the first 17 digits (ISO 7064 MOD 11-2).

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = "10X98765432";

export function idCheckCharacter(first17Digits: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += Number(first17Digits[i]) * (WEIGHTS[i] ?? 0);
  }
  return CHECK_CHARACTERS[sum % 11] as string;
}

export function buildIdNumber(regionCode: string, birthDate: string, sequence: number): string {
  const first17 = `${regionCode}${birthDate}${String(sequence).padStart(3, "0")}`;
  return `${first17}${idCheckCharacter(first17)}`;
}
