import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["{app,server,db}/**/*.test.ts"],
    globalSetup: ["server/testing/global-setup.ts"],
    pool: "forks",
    testTimeout: 30_000,
    // next-auth imports "next/server" without the extension Node's ESM loader needs; bundled
    // by Vite, the Auth.js route can be driven from a test (server/auth/sign-out.test.ts).
    server: { deps: { inline: ["next-auth"] } },
    hookTimeout: 60_000,
    env: {
      // Test-only key material; real keys come from the environment or the local data folder.
      PII_KEY: "dGVzdC1vbmx5LXBpaS1rZXktMzItYnl0ZXMtbG9uZyE=",
      AUTH_SECRET: "test-only-auth-secret-with-enough-length-0123456789",
      TZ: "Asia/Shanghai",
    },
  },
});
