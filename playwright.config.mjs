// Browser tests against the release build, in Debian's Chromium (never a downloaded browser).
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 8181);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "tests/e2e/artifacts/results",
  timeout: 30_000,
  fullyParallel: true,
  workers: 2,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { viewport: { width: 1280, height: 800 } } },
    { name: "phone", use: { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true } },
  ],
  webServer: {
    command: `node tests/e2e/server.mjs`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    env: { E2E_PORT: String(port) },
  },
});
