import { describe, expect, it } from "vitest";
import { CAUSE_CODES } from "@/db/constants";
import { DEMO_NOW } from "../../testing/demo";
import { splitMonth } from "./batches";
import { seedMonths } from "./calendar";
import { allocateEnquiries, SEED_CITY_WEIGHTS } from "./plan";
import { createRandom } from "./random";

const cellCount = SEED_CITY_WEIGHTS.length * CAUSE_CODES.length;
const sum = (counts: number[][]) => counts.flat().reduce((a, b) => a + b, 0);

describe("splitMonth", () => {
  const months = seedMonths(DEMO_NOW);
  const allocate = (total: number) =>
    allocateEnquiries(
      createRandom(7),
      months,
      SEED_CITY_WEIGHTS.map(([, weight]) => ({ weight, insuranceYearStartMonth: 1 })),
      6,
      total,
    );

  it.each([
    [20_000, 1_000],
    [10_000_000, 20_000],
    [100_000_000, 20_000],
  ])(
    "cuts %i enquiries into parts of at most %i (plus one per cell), in day order, losing none",
    (total, limit) => {
      for (const allocation of allocate(total)) {
        const parts = splitMonth(allocation, limit);
        for (const part of parts) {
          expect(sum(part.counts)).toBeLessThanOrEqual(limit + cellCount);
          expect(sum(part.counts)).toBeGreaterThan(0);
          expect(part.month.key).toBe(allocation.month.key);
          for (const day of part.month.workingDays) {
            expect(allocation.month.workingDays).toContain(day);
          }
        }
        const days = parts.map((part) => part.month.workingDays);
        for (let i = 1; i < days.length; i++) {
          expect(days[i]?.[0]).toBeGreaterThanOrEqual(days[i - 1]?.at(-1) ?? 0);
        }
        allocation.counts.forEach((row, city) => {
          row.forEach((count, cause) => {
            const split = parts.reduce((n, part) => n + (part.counts[city]?.[cause] ?? 0), 0);
            expect(split).toBe(count);
          });
        });
      }
    },
  );
});
