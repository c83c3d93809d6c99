import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_PATH, E2E_PORT } from "./e2e/config";

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  // Each test (or step of a serial story) is short; the budget allows for a busy 2-core machine.
  timeout: 90_000,
  // Generous: a busy 2-core machine runs two browsers, the server and the database at once.
  expect: { timeout: 20_000 },
  reporter: [["list"]],
  // Screenshots and traces of failures go with the other local data, not into the repo's top level.
  outputDir: ".data/e2e-results",
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: "npx tsx e2e/serve.ts",
    url: `http://127.0.0.1:${E2E_PORT}/api/ready`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
