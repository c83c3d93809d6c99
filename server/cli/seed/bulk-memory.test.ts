import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/database";
import { DEMO_NOW, seedTestDemo } from "../../testing/demo";
import { seedBulk } from "./bulk";

// The heap the loader keeps alive must not grow with the size of the load. Measured as the heap
// left after a full collection each time a batch commits (what is still referenced then, not
// the garbage a collection would free), for a load and one eight times larger with the same
// batch size. Drafting a whole month at once and holding the member pool, as the loader once
// did, kept about 11 MB more alive in the larger load (2,000 and 16,000 enquiries); batches
// keep well under a megabyte more, from batches of the small load that were not full.
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;

const piiKey = process.env.PII_KEY as string;
const BATCH = 150;
const MB = 1024 ** 2;

describe("seedBulk memory", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedTestDemo(database.db, { enquiries: 300 });
  });

  afterAll(async () => {
    await database?.drop();
  });

  // The most heap still referenced at a commit, above what was referenced before the load.
  const retainedPeak = async (enquiries: number) => {
    collect();
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    const summary = await seedBulk(database.client, {
      piiKey,
      now: DEMO_NOW,
      enquiries,
      batchSize: BATCH,
      onProgress: () => {
        collect();
        peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
      },
    });
    expect(summary.enquiries).toBe(enquiries);
    return peak;
  };

  it("keeps the same heap alive for eight times the enquiries", { timeout: 120_000 }, async () => {
    const small = await retainedPeak(1_500);
    const large = await retainedPeak(12_000);
    console.info(`retained heap: ${(small / MB).toFixed(1)} MB, ${(large / MB).toFixed(1)} MB`);
    expect(large - small).toBeLessThan(4 * MB);
  });
});
