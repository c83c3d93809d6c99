import type { Clock } from "../clock";

// The clock of every test caller: a fixed instant, so a run is reproducible and a test that
// builds its data "today" or "this month" builds it relative to this. TEST_NOW moves it;
// `npm run test:month-end` sets it to the last second of a month in Beijing, one second before
// another day and another month. Without it: an ordinary working Wednesday morning.
const ORDINARY_NOW = "2026-03-18T10:30:00+08:00";

// With an offset or Z: a bare local time would depend on the machine's zone.
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function testNow(): Date {
  const raw = process.env.TEST_NOW || ORDINARY_NOW;
  const instant = new Date(raw);
  if (!INSTANT_PATTERN.test(raw) || Number.isNaN(instant.getTime())) {
    throw new Error(
      `TEST_NOW must be an ISO instant with an offset, e.g. 2026-02-28T23:59:59+08:00: ${raw}`,
    );
  }
  return instant;
}

const fixed = testNow();

export const testClock: Clock = { now: () => new Date(fixed) };
