import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// The tests whose data or answers depend on "today" or "this month" of the test clock
// (server/testing/clock.ts). `npm run test:month-end` runs them a second time with the clock at
// the last second of a month in Beijing; a test that builds its dates from the clock belongs
// here. TEST_NOW overrides the instant, e.g. TEST_NOW=2026-06-30T23:59:59+08:00 for the end of
// an insurance year.
const TIME_SENSITIVE_TESTS = [
  "server/api/routers/analytics.test.ts",
  "server/api/routers/enquiries.test.ts",
  "server/api/routers/insights.test.ts",
  "server/api/routers/recheck.test.ts",
];

const MONTH_END = "2026-02-28T23:59:59+08:00";

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: TIME_SENSITIVE_TESTS,
    env: { ...base.test?.env, TEST_NOW: process.env.TEST_NOW || MONTH_END },
  },
});
