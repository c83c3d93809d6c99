import type { Database } from "@/db/index";
import { type SeedOptions, type SeedSummary, seedDemo } from "../cli/seed/demo";
import { createTestDatabase, type TestDatabase } from "./database";

// The demo data as the tests seed it: a fixed `now`, so that every run writes the same rows, and
// a cheap stand-in for password hashing, which the demo would otherwise spend seconds on.
export const DEMO_NOW = new Date("2026-03-16T10:00:00+08:00");

export function seedTestDemo(db: Database, options: Partial<SeedOptions> = {}) {
  return seedDemo(db, {
    piiKey: process.env.PII_KEY as string,
    now: DEMO_NOW,
    ...options,
  });
}

// Two fresh databases seeded alike, for the checks that the same `now` writes the same data; the
// first seed is timed in the log. Both are dropped again if seeding fails.
export async function seedTwoDemos(
  label: string,
  options: Partial<SeedOptions> = {},
): Promise<{ first: TestDatabase; second: TestDatabase; summary: SeedSummary }> {
  const [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  try {
    const started = performance.now();
    const summary = await seedTestDemo(first.db, options);
    console.info(`${label}: ${Math.round(performance.now() - started)} ms`);
    await seedTestDemo(second.db, options);
    return { first, second, summary };
  } catch (error) {
    await Promise.all([first.drop(), second.drop()]);
    throw error;
  }
}
